package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipoff.cli.BacktestData.Matchup;
import io.tipoff.cli.BacktestScore.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorsTest {

    @TempDir
    Path dir;

    @Test
    void theMarketGivesTeamAItsChanceWhetherItWonOrLost() throws Exception {
        Files.writeString(dir.resolve("market_lines_2019.csv"), """
                season,daynum,wteam_id,lteam_id,p_w_ml_novig
                2019,136,1181,1300,0.97
                2019,137,1500,1200,0.35
                """);
        Anchors anchors = Anchors.read(dir);
        // Team A is the lower id: 1181 won, its chance is the winner's; 1200 lost, its chance is 1 − the winner's.
        assertThat(anchors.market(new Matchup(2019, 136, 1181, 1300, new Outcome(true, 20, 150, false), null)))
                .isEqualTo(0.97);
        assertThat(anchors.market(new Matchup(2019, 137, 1200, 1500, new Outcome(false, -3, 140, false), null)))
                .isEqualTo(0.65);
        assertThat(anchors.market(new Matchup(2019, 138, 1200, 1500, new Outcome(false, -3, 140, false), null)))
                .isNull();
    }

    @Test
    void roundChancesAreKeyedByTheRoundAWinReachesAndFirstFourPairsAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("kenpom_men_2019.csv"), """
                season,source_name,kaggle_team_id,kaggle_team_name,kaggle_seed,p_win_r64,p_win_r32,p_win_s16,p_win_e8,p_win_f4,p_champion
                2019,Virginia,1438,Virginia,Z01,0.977,0.851,0.667,0.485,0.345,0.214
                2019,Pair,1125|1396,Pair,W16,0.02,0.01,0,0,0,0
                """);
        Anchors anchors = Anchors.read(dir);
        assertThat(anchors.kenPom().get(2019)).containsOnlyKeys(1438);
        assertThat(anchors.kenPom().get(2019).get(1438)).containsEntry("R32", 0.977).containsEntry("CHAMP", 0.214);
        assertThat(anchors.fiveThirtyEight()).isEmpty();
    }

    @Test
    void aDirectoryWithoutAnyForecastIsAnError() {
        assertThatThrownBy(() -> Anchors.read(dir)).hasMessageContaining("no market_lines_*.csv");
    }
}
