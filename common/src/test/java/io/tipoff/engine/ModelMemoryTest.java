package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.job.JobSpec;
import io.tipoff.model.Bracket;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.Tournament;
import io.tipoff.model.Venue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMemoryTest {

    /** {@code teams} teams (a power of two) in a balanced bracket, and one play-in game when {@code playIn}. */
    private static Bracket bracket(int teams, boolean playIn) {
        List<Bracket.Seeded> seeded = new ArrayList<>();
        List<Bracket.Slot> slots = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        for (int i = 1; i <= teams; i++) {
            seeded.add(new Bracket.Seeded("S" + i, LeagueAverages.DIVISION_I_2013_2019.averageTeam("Team " + i)));
            sides.add("S" + i);
        }
        if (playIn) {
            seeded.add(new Bracket.Seeded("S1b", LeagueAverages.DIVISION_I_2013_2019.averageTeam("Team 1b")));
            slots.add(new Bracket.Slot("P1", "S1", "S1b"));
            sides.set(0, "P1");
        }
        while (sides.size() > 1) {
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < sides.size(); i += 2) {
                String slot = "G" + slots.size();
                slots.add(new Bracket.Slot(slot, sides.get(i), sides.get(i + 1)));
                winners.add(slot);
            }
            sides = winners;
        }
        return new Bracket(seeded, slots);
    }

    private static JobSpec tournament(Bracket bracket) {
        return JobSpec.ofTournament(new Tournament(null, bracket), SimulationSettings.DEFAULTS);
    }

    @Test
    void everyPairOfABracketsTeamsCanMeetOnce() {
        assertThat(ModelMemory.pairs(tournament(bracket(4, false)).tournament())).isEqualTo(6);
        assertThat(ModelMemory.pairs(tournament(bracket(64, true)).tournament())).isEqualTo(65 * 64 / 2);
        assertThat(ModelMemory.pairs(tournament(bracket(512, false)).tournament())).isEqualTo(130_816);
    }

    @Test
    void aMatchupIsOnePairAndA68TeamBracketFitsInAFewHundredMegabytes() {
        JobSpec matchup = new JobSpec(io.tipoff.model.JobType.MATCHUP, new Matchup(
                LeagueAverages.DIVISION_I_2013_2019.averageTeam("A"),
                LeagueAverages.DIVISION_I_2013_2019.averageTeam("B"), Venue.NEUTRAL), SimulationSettings.DEFAULTS);
        assertThat(ModelMemory.bytes(matchup.tournament())).isEqualTo(ModelMemory.BYTES_PER_PAIR);
        assertThat(ModelMemory.format(68L * 67 / 2 * ModelMemory.BYTES_PER_PAIR)).isEqualTo("267 MB");
        assertThat(ModelMemory.format(ModelMemory.bytes(tournament(bracket(512, false)).tournament()))).isEqualTo("15.0 GB");
    }
}
