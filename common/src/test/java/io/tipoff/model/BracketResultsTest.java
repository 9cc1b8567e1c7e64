package io.tipoff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BracketResultsTest {

    /** Eight teams, the last two in a play-in: A1 … A7 and the winner of A8a / A8b. */
    static Bracket eightTeams() {
        List<Bracket.Seeded> teams = new ArrayList<>();
        for (String seed : List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8a", "A8b")) {
            teams.add(new Bracket.Seeded(seed, LeagueAverages.DIVISION_I_2013_2019.averageTeam("Team " + seed)));
        }
        return new Bracket(teams, List.of(
                new Bracket.Slot("A8", "A8a", "A8b"),
                new Bracket.Slot("R1A1", "A1", "A8"),
                new Bracket.Slot("R1A2", "A2", "A7"),
                new Bracket.Slot("R1A3", "A3", "A6"),
                new Bracket.Slot("R1A4", "A4", "A5"),
                new Bracket.Slot("R2A1", "R1A1", "R1A4"),
                new Bracket.Slot("R2A2", "R1A2", "R1A3"),
                new Bracket.Slot("R3", "R2A1", "R2A2")));
    }

    @Test
    void aWinnerWonEveryGameOnItsWayThere() {
        assertThat(BracketResults.decided(eightTeams(), Map.of("R2A1", "A8b", "R1A2", "A7")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A8", "A8b", "R1A1", "A8b", "R2A1", "A8b", "R1A2", "A7"));
        assertThat(BracketResults.decided(eightTeams(), Map.of())).isEmpty();
    }

    @Test
    void aResultThatCannotBeIsNamedByItsSlot() {
        assertWrong(Map.of("R9", "A1"), "R9", "is no slot of the bracket");
        assertWrong(Map.of("R1A1", "A9"), "R1A1", "which is no seed of the bracket");
        assertWrong(Map.of("R1A1", "A2"), "R1A1", "A2 does not play in R1A1");
        // The play-in was won by A8a, so A8b cannot have won the game after it, nor any later one.
        assertWrong(Map.of("A8", "A8a", "R1A1", "A8b"), "R1A1", "A8b cannot have won R1A1: A8 was won by A8a");
        assertWrong(Map.of("R1A1", "A1", "R3", "A8a"), "R3", "A8a cannot have won R3: R1A1 was won by A1");
    }

    private static void assertWrong(Map<String, String> results, String slot, String reason) {
        assertThatThrownBy(() -> BracketResults.decided(eightTeams(), results))
                .isInstanceOfSatisfying(BracketException.class, e -> {
                    assertThat(e.where()).isEqualTo(slot);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void playedGamesAreFoundInTheBracketInDayOrder() {
        Bracket bracket = eightTeams();
        Map<String, Integer> ids = Map.of("A1", 1, "A2", 2, "A3", 3, "A4", 4, "A5", 5, "A6", 6, "A7", 7, "A8a", 8,
                "A8b", 9);
        List<BracketResults.Game> games = List.of(
                new BracketResults.Game(2019, 136, 1, 80, 9, 60, 0),
                new BracketResults.Game(2019, 134, 9, 70, 8, 69, 1),
                new BracketResults.Game(2019, 136, 7, 66, 2, 64, 0));
        assertThat(BracketResults.fromGames(bracket.slots(), ids, games))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A8", "A8b", "R1A1", "A1", "R1A2", "A7"));

        List<BracketResults.Game> impossible = List.of(new BracketResults.Game(2019, 136, 1, 80, 2, 60, 0));
        assertThatThrownBy(() -> BracketResults.fromGames(bracket.slots(), ids, impossible))
                .isInstanceOfSatisfying(BracketException.class, e -> assertThat(e.where()).isEqualTo("day 136"));
        List<BracketResults.Game> stranger = List.of(new BracketResults.Game(2019, 136, 1, 80, 99, 60, 0));
        assertThatThrownBy(() -> BracketResults.fromGames(bracket.slots(), ids, stranger))
                .hasMessageContaining("team 99");
    }

    @Test
    void aGameInProgressNeedsItsTwoTeams() {
        Bracket bracket = eightTeams();
        Map<String, String> decided = BracketResults.decided(bracket, Map.of("R1A1", "A1", "A8", "A8a"));
        BracketResults.checkInProgress(bracket, decided, Set.of("R1A2"));
        assertThatThrownBy(() -> BracketResults.checkInProgress(bracket, decided, Set.of("R2A1")))
                .isInstanceOfSatisfying(BracketException.class, e -> {
                    assertThat(e.where()).isEqualTo("R2A1");
                    assertThat(e.reason()).contains("R1A4");
                });
        assertThatThrownBy(() -> BracketResults.checkInProgress(bracket, decided, Set.of("R1A1")))
                .hasMessageContaining("is decided");
    }

    @Test
    void tourneyGamesAreReadWithTheirLines() {
        List<BracketCsv.GameRow> rows = BracketCsv.games("""
                Season,DayNum,WTeamID,WScore,LTeamID,LScore,WLoc,NumOT
                2019,134,1113,78,1385,74,N,1
                """);
        assertThat(rows).containsExactly(new BracketCsv.GameRow(2,
                new BracketResults.Game(2019, 134, 1113, 78, 1385, 74, 1)));
        assertThatThrownBy(() -> BracketCsv.games("""
                Season,DayNum,WTeamID,WScore,LTeamID,LScore
                2019,134,1113,70,1385,74
                """)).isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("LScore");
                });
    }
}
