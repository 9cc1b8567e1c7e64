package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.cli.TournamentScore.TeamRound;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBacktestTest {

    /** Five teams: W04a and W04b play in for W04; W01 plays W04, W02 plays W03; the winners meet in R2W1. */
    private static TournamentData.Season season() {
        Map<String, TournamentData.Team> teams = new LinkedHashMap<>();
        int id = 1;
        for (String seed : List.of("W01", "W02", "W03", "W04a", "W04b")) {
            teams.put(seed, new TournamentData.Team(seed, id, "Team " + id, 0.9 - 0.1 * id, "R64"));
            id++;
        }
        return new TournamentData.Season(2019, teams, List.of(new Bracket.Slot("W04", "W04a", "W04b"),
                new Bracket.Slot("R1W1", "W01", "W04"), new Bracket.Slot("R1W2", "W02", "W03"),
                new Bracket.Slot("R2W1", "R1W1", "R1W2")));
    }

    /** W04b won the play-in (day 134), then W04b beat W01 and W02 beat W03 (day 136); W02 won the final (day 138). */
    private static final List<BracketResults.Game> GAMES = List.of(
            new BracketResults.Game(2019, 134, 5, 70, 4, 60, 0),
            new BracketResults.Game(2019, 136, 5, 70, 1, 60, 0),
            new BracketResults.Game(2019, 136, 2, 70, 3, 60, 0),
            new BracketResults.Game(2019, 138, 2, 70, 5, 60, 0));

    @Test
    void aStageAfterEachRoundButTheFinalWithTheResultsBeforeIt() {
        List<LiveBacktest.Stage> stages = LiveBacktest.stages(season(), GAMES);
        assertThat(stages).extracting(LiveBacktest.Stage::played).containsExactly("E8", "F4");
        assertThat(stages.get(0).results()).containsExactlyEntriesOf(Map.of("W04", "W04b"));
        assertThat(stages.get(1).results()).containsOnlyKeys("W04", "R1W1", "R1W2");
    }

    @Test
    void onlyTheGamesNotPlayedOfTeamsStillInAreOpen() {
        List<LiveBacktest.Stage> stages = LiveBacktest.stages(season(), GAMES);
        List<TeamRound> all = new ArrayList<>();
        for (String seed : List.of("W01", "W02", "W03", "W04a", "W04b")) {
            for (String round : seed.length() > 3 ? List.of("F4", "NCG", "CHAMP") : List.of("NCG", "CHAMP")) {
                all.add(new TeamRound(2019, seed, round, false, 0.5, 0.5));
            }
        }
        // After the play-in: W04a is out; every other team's games are open.
        assertThat(LiveBacktest.open(stages.get(0), season().slots(), all))
                .extracting(r -> r.seed() + " " + r.round())
                .containsExactly("W01 NCG", "W01 CHAMP", "W02 NCG", "W02 CHAMP", "W03 NCG", "W03 CHAMP",
                        "W04b NCG", "W04b CHAMP");
        // After the first round: only the final's two teams, for the title.
        assertThat(LiveBacktest.open(stages.get(1), season().slots(), all))
                .extracting(r -> r.seed() + " " + r.round()).containsExactly("W02 CHAMP", "W04b CHAMP");
    }
}
