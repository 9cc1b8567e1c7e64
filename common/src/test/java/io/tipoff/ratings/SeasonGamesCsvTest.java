package io.tipoff.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SeasonGamesCsvTest {

    static final String HEADER = "Season,DayNum,WTeamID,WScore,LTeamID,LScore,WLoc,NumOT,WFGM,WFGA,WFGM3,WFGA3,WFTM,"
            + "WFTA,WOR,WDR,WAst,WTO,WStl,WBlk,WPF,LFGM,LFGA,LFGM3,LFGA3,LFTM,LFTA,LOR,LDR,LAst,LTO,LStl,LBlk,LPF,Date\n";
    /** A real game: Air Force (1120) at home beats 1236 61-50 on day 4 of 2013. */
    static final String GAME = "2013,4,1120,61,1236,50,H,0,22,54,3,11,14,21,12,30,10,16,10,3,17,15,52,4,20,16,23,10,"
            + "25,10,17,10,2,18,2012-11-09\n";

    /** The shared games file, looked for in every folder above this one; null when it is not there. */
    static Path sharedGames() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/ncaa/season_games_2013_2019.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void readsBothBoxScoresOfAGame() {
        SeasonGame game = SeasonGamesCsv.read(HEADER + GAME).get(0);
        assertThat(game.season()).isEqualTo(2013);
        assertThat(game.day()).isEqualTo(4);
        assertThat(game.winnerLocation()).isEqualTo('H');
        assertThat(game.overtimes()).isZero();
        assertThat(game.winner()).isEqualTo(new TeamBox(1120, 61, 22, 54, 3, 11, 14, 21, 12, 30, 10, 16, 10, 3, 17));
        assertThat(game.loser().teamId()).isEqualTo(1236);
        assertThat(game.loser().turnovers()).isEqualTo(17);
        // 54 − 12 + 16 + 0.475 × 21 and 52 − 10 + 17 + 0.475 × 23, averaged.
        assertThat(game.possessions()).isEqualTo((67.975 + 69.925) / 2);
    }

    @Test
    void namesTheRowAndFieldOfBadData() {
        assertError(GAME.replace(",1236,50,", ",1120,50,"), 2, "LTeamID", "a team cannot play itself");
        assertError(GAME.replace(",61,1236,50,", ",71,1236,50,"), 2, "WScore", "disagrees with the box score");
        assertError(GAME.replace(",H,0,22,54,", ",H,0,-22,54,"), 2, "WFGM", "must not be negative");
        assertError(GAME.replace(",H,0,22,54,", ",H,0,55,54,"), 2, "WFGM", "is more than WFGA");
        assertError(GAME.replace(",61,1236,50,", ",61,1236,61,"), 2, "LScore", "must be below WScore");
        assertError(GAME.replace(",H,", ",X,"), 2, "WLoc", "must be H, A or N");
        assertError(GAME.replace(",H,0,22,", ",H,0,2x,"), 2, "WFGM", "not a whole number");
        assertError(GAME + GAME, 3, "DayNum", "the same game (day and teams) as line 2");
        assertThatThrownBy(() -> SeasonGamesCsv.read(HEADER.replace("WTO,", "") + GAME))
                .isInstanceOfSatisfying(GameDataException.class, e -> assertThat(e.field()).isEqualTo("WTO"));
    }

    @Test
    void aScoreOffByABasketFromItsBoxScoreIsTheSourcesSlipAndIsKept() {
        assertThat(SeasonGamesCsv.read(HEADER + GAME.replace(",61,1236,50,", ",63,1236,50,"))).hasSize(1);
    }

    @Test
    void readsTheWholeSharedFile() throws Exception {
        Path file = sharedGames();
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project");
        List<SeasonGame> games = SeasonGamesCsv.read(Files.readString(file));
        assertThat(games).hasSize(37_659);
        assertThat(games).allMatch(game -> game.day() <= 132);
    }

    private static void assertError(String row, int line, String field, String reason) {
        assertThatThrownBy(() -> SeasonGamesCsv.read(HEADER + row))
                .isInstanceOfSatisfying(GameDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
