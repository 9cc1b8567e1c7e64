package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipoff.model.Bracket.Slot;
import io.tipoff.testing.TeamData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TournamentDataTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeFiles() throws Exception {
        Files.writeString(dir.resolve("torvik_teams_sample.csv"), TeamData.SAMPLE);
        Files.writeString(dir.resolve("tourney_seeds_sample.csv"), ImportIntegrationTests.SEEDS);
        Files.writeString(dir.resolve("tourney_slots_sample.csv"), ImportIntegrationTests.SLOTS);
    }

    @Test
    void eachSeasonHasItsBracketWithEveryTeamsRatingAndFinish() throws Exception {
        TournamentData data = TournamentData.read(dir, null);

        assertThat(data.seasons()).hasSize(1);
        TournamentData.Season season = data.seasons().get(0);
        assertThat(season.season()).isEqualTo(2019);
        assertThat(season.teams().keySet()).containsExactly("W01", "X01", "Y01", "Z01");
        assertThat(season.teams().get("W01")).isEqualTo(
                new TournamentData.Team("W01", 1438, "Virginia", 0.9736, "Champions"));
        assertThat(season.ratings()).containsEntry("Z01", 0.9696);
        assertThat(season.slots()).containsExactly(new Slot("R5WX", "W01", "X01"), new Slot("R5YZ", "Y01", "Z01"),
                new Slot("R6CH", "R5WX", "R5YZ"));
    }

    @Test
    void aSeededTeamWithoutAFinishIsNamed() throws Exception {
        // Air Force (1102) did not play the 2019 tournament: its POSTSEASON is NA.
        Files.writeString(dir.resolve("tourney_seeds_sample.csv"), ImportIntegrationTests.SEEDS.replace("1403",
                "1102"));

        assertThatThrownBy(() -> TournamentData.read(dir, null)).hasMessage("season 2019: team 1102 (Z01, "
                + "tourney_seeds_sample.csv line 5) has no POSTSEASON in the team data");
    }

    @Test
    void seasonsWithoutABracketAreSaidSo() {
        assertThatThrownBy(() -> TournamentData.read(dir, Set.of(2015, 2016)))
                .hasMessage("no bracket of seasons 2015-2016 in " + dir.resolve("tourney_seeds_*.csv"));
    }
}
