package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.cli.BacktestData.Matchup;
import io.tipoff.cli.BacktestScore.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestDataTest {

    private static final String TEAMS =
            "Season,TeamID,TeamName,TEAM,CONF,G,W,ADJOE,ADJDE,BARTHAG,EFG_O,EFG_D,TOR,TORD,ORB,DRB,FTR,FTRD,"
                    + "2P_O,2P_D,3P_O,3P_D,ADJ_T,WAB,POSTSEASON,SEED\n"
                    + "2019,1181,Duke,Duke,ACC,38,32,118.9,89.2,0.9646,53.6,45.0,17.5,19.4,35.6,29.5,33.2,24.0,"
                    + "58.0,45.0,30.8,29.9,73.6,11.2,E8,1\n"
                    + "2019,1438,Virginia,Virginia,ACC,38,35,123.0,89.9,0.9736,55.2,44.7,14.7,17.5,30.4,25.4,29.1,"
                    + "26.3,52.5,45.7,39.5,28.9,60.7,11.1,Champions,1\n"
                    + "2019,1102,Air Force,Air Force,MWC,32,14,102.9,106.4,0.4033,52.1,52.0,18.0,17.3,24.3,29.3,"
                    + "30.8,31.1,51.6,50.9,35.4,36.1,66.8,-10.1,NA,NA\n";
    private static final String GAMES_HEADER = "Season,DayNum,WTeamID,WScore,LTeamID,LScore,WLoc,NumOT\n";
    // Not real games: Virginia beats Duke in overtime on day 154 (listed first), Duke beats Air Force on day 136.
    private static final String VIRGINIA_DUKE = "2019,154,1438,85,1181,77,N,1\n";
    private static final String DUKE_AIR_FORCE = "2019,136,1181,85,1102,62,N,0\n";

    @TempDir
    Path dir;

    @BeforeEach
    void writeTeams() throws Exception {
        Files.writeString(dir.resolve("torvik_teams_2019.csv"), TEAMS);
    }

    @Test
    void teamAIsTheLowerIdAndGamesComeInTheOrderPlayed() throws Exception {
        Files.writeString(dir.resolve("tourney_games_2019.csv"), GAMES_HEADER + VIRGINIA_DUKE + DUKE_AIR_FORCE);
        BacktestData data = BacktestData.read(dir, null);

        assertThat(data.teamFiles()).containsExactly(dir.resolve("torvik_teams_2019.csv"));
        assertThat(data.seasons()).containsExactly(2019);
        assertThat(data.games()).hasSize(2);
        Matchup first = data.games().get(0);
        assertThat(first.dayNum()).isEqualTo(136);
        assertThat(first.teamA()).isEqualTo(1102);
        assertThat(first.teamB()).isEqualTo(1181);
        assertThat(first.outcome()).isEqualTo(new Outcome(false, -23, 147, false));
        // 0.4033 × 0.0354 / (0.4033 × 0.0354 + 0.9646 × 0.5967)
        assertThat(first.log5()).isCloseTo(0.024204, offset(1e-6));
        Matchup second = data.games().get(1);
        assertThat(second.teamA()).isEqualTo(1181);
        assertThat(second.teamB()).isEqualTo(1438);
        assertThat(second.outcome()).isEqualTo(new Outcome(false, -8, 162, true));
    }

    @Test
    void onlyTheChosenSeasonsAreRead() throws Exception {
        Files.writeString(dir.resolve("tourney_games_2018_2019.csv"), GAMES_HEADER + DUKE_AIR_FORCE
                + "2018,136,1181,85,1102,62,N,0\n");
        assertThat(BacktestData.read(dir, Set.of(2019)).games()).hasSize(1);
        assertThatThrownBy(() -> BacktestData.read(dir, Set.of(2017)))
                .hasMessageContaining("no tournament games of seasons 2017");
    }

    @Test
    void aTeamMissingFromTheTeamDataIsNamedWithItsSeason() throws Exception {
        Files.writeString(dir.resolve("tourney_games_2018_2019.csv"), GAMES_HEADER + DUKE_AIR_FORCE
                + "2018,136,1181,85,1102,62,N,0\n");
        assertThatThrownBy(() -> BacktestData.read(dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("season 2018: team 1181")
                .hasMessageContaining("tourney_games_2018_2019.csv line 3");
    }

    @Test
    void aGameInTwoFilesCountsOnce() throws Exception {
        Files.writeString(dir.resolve("tourney_games_2013_2019.csv"), GAMES_HEADER + VIRGINIA_DUKE + DUKE_AIR_FORCE);
        Files.writeString(dir.resolve("tourney_games_2019.csv"), GAMES_HEADER + DUKE_AIR_FORCE);
        assertThat(BacktestData.read(dir, null).games()).hasSize(2);
    }

    @Test
    void badDataIsNamedByFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("tourney_games_2019.csv"), GAMES_HEADER + DUKE_AIR_FORCE
                + "2019,137,1181,85,Air Force,62,N,0\n");
        assertThatThrownBy(() -> BacktestData.read(dir, null))
                .hasMessage("tourney_games_2019.csv: line 3, LTeamID: not a whole number: Air Force");

        Files.writeString(dir.resolve("tourney_games_2019.csv"), GAMES_HEADER.replace(",NumOT", "") + "2019,1");
        assertThatThrownBy(() -> BacktestData.read(dir, null)).hasMessage(
                "tourney_games_2019.csv: line 1, NumOT: missing column");

        Files.writeString(dir.resolve("tourney_games_2019.csv"), GAMES_HEADER + DUKE_AIR_FORCE);
        Files.writeString(dir.resolve("torvik_teams_2019.csv"), TEAMS.replace(",73.6,", ",fast,"));
        assertThatThrownBy(() -> BacktestData.read(dir, null))
                .hasMessageStartingWith("torvik_teams_2019.csv: line 2, ADJ_T");
    }

    @Test
    void aDirectoryWithoutTheFilesSaysWhichAreMissing() throws Exception {
        assertThatThrownBy(() -> BacktestData.read(dir, null)).hasMessageContaining("no tourney_games_*.csv in");
        assertThatThrownBy(() -> BacktestData.read(dir.resolve("nothing"), null))
                .hasMessageEndingWith("is not a directory");
    }

    @Test
    void seasonsAreOneARangeOrAList() {
        assertThat(BacktestData.parseSeasons("2015")).containsExactly(2015);
        assertThat(BacktestData.parseSeasons("2013-2019")).containsExactly(2013, 2014, 2015, 2016, 2017, 2018, 2019);
        assertThat(BacktestData.parseSeasons("2013,2015")).containsExactly(2013, 2015);
        assertThat(BacktestData.parseSeasons("2018, 2013-2014")).containsExactly(2013, 2014, 2018);
        assertThatThrownBy(() -> BacktestData.parseSeasons("2019-2013")).hasMessageContaining("forward");
        assertThatThrownBy(() -> BacktestData.parseSeasons("recent")).hasMessage("--seasons: not a season: recent");
        assertThatThrownBy(() -> BacktestData.parseSeasons("2013-2015-2017")).hasMessageContaining("range");

        assertThat(BacktestData.seasonsText(Set.of(2013, 2014, 2015, 2016, 2017, 2018, 2019))).isEqualTo("2013-2019");
        assertThat(BacktestData.seasonsText(Set.of(2016, 2013, 2015))).isEqualTo("2013, 2015-2016");
        assertThat(BacktestData.seasonsText(Set.of(2015))).isEqualTo("2015");
    }
}
