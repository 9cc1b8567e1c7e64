package io.tipoff.cli;

import io.tipoff.cli.TournamentScore.Group;
import io.tipoff.cli.TournamentScore.TeamRound;
import io.tipoff.engine.TournamentResult;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of {@code bin/tipoff backtest --tournaments --live}: each season's bracket as it stood after each
 * round (the results of every round before given, the rest to play), and which team-rounds were still open then. A
 * team-round is open when its game is not decided and the team has not lost a decided game: the only ones a forecast
 * made then can be scored on. Pure arithmetic, no I/O.
 */
final class LiveBacktest {

    private LiveBacktest() {
    }

    /**
     * A season's bracket after a round: {@code played} names the round just played (the games that reach
     * {@code reached}: {@code R64} for the First Four), {@code results} every game decided by then.
     */
    record Stage(int season, String played, String reached, Map<String, String> results) {
    }

    /** One open team-round of a stage. */
    record Scored(Stage stage, TeamRound teamRound) {
    }

    /** The stages of a season: after each round but the final, in playing order. */
    static List<Stage> stages(TournamentData.Season season, List<BracketResults.Game> games) {
        Map<String, Integer> teamIds = new LinkedHashMap<>();
        season.teams().forEach((seed, team) -> teamIds.put(seed, team.teamId()));
        Map<String, String> all = BracketResults.fromGames(season.slots(), teamIds, games);
        Map<String, Integer> depth = depths(season.slots());
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Stage> stages = new ArrayList<>();
        for (int d = deepest; d >= 1; d--) {
            int round = d;
            Map<String, String> results = new TreeMap<>();
            all.forEach((slot, winner) -> {
                if (depth.get(slot) >= round) {
                    results.put(slot, winner);
                }
            });
            stages.add(new Stage(season.season(), played(TournamentResult.round(d)), TournamentResult.round(d),
                    results));
        }
        return stages;
    }

    /**
     * The round whose games reach {@code reached}, by its teams: {@code FF} the First Four (which reaches the round
     * of 64), {@code R64} the round of 64, … {@code F4} the semifinals.
     */
    static String played(String reached) {
        return switch (reached) {
            case "R64" -> "FF";
            case "R32" -> "R64";
            case "S16" -> "R32";
            case "E8" -> "S16";
            case "F4" -> "E8";
            case "NCG" -> "F4";
            default -> "to " + reached;
        };
    }

    /** Each slot's depth below the final (0). */
    static Map<String, Integer> depths(List<Bracket.Slot> slots) {
        Map<String, Bracket.Slot> bySlot = new HashMap<>();
        slots.forEach(s -> bySlot.put(s.slot(), s));
        Map<String, String> parent = parents(slots);
        Map<String, Integer> depth = new HashMap<>();
        for (Bracket.Slot slot : slots) {
            int d = 0;
            for (String at = slot.slot(); parent.containsKey(at); at = parent.get(at)) {
                d++;
            }
            depth.put(slot.slot(), d);
        }
        return depth;
    }

    /** The slot each seed or slot plays into. */
    private static Map<String, String> parents(List<Bracket.Slot> slots) {
        Map<String, String> parent = new HashMap<>();
        slots.forEach(s -> {
            parent.put(s.strongSeed(), s.slot());
            parent.put(s.weakSeed(), s.slot());
        });
        return parent;
    }

    /**
     * The team-rounds of a stage still open: the team's game for that round not decided, and the team not out.
     *
     * @param teamRounds every team-round of the stage's forecast
     */
    static List<TeamRound> open(Stage stage, List<Bracket.Slot> slots, List<TeamRound> teamRounds) {
        Map<String, String> parent = parents(slots);
        Map<String, Integer> depth = depths(slots);
        List<TeamRound> open = new ArrayList<>();
        for (TeamRound r : teamRounds) {
            boolean decided = false;
            for (String at = parent.get(r.seed()); at != null; at = parent.get(at)) {
                String winner = stage.results().get(at);
                String round = TournamentResult.round(depth.get(at));
                if (winner != null && (!winner.equals(r.seed()) || round.equals(r.round()))) {
                    decided = true;  // the team lost a game on its way, or this very game is decided
                    break;
                }
                if (round.equals(r.round())) {
                    break;
                }
            }
            if (!decided) {
                open.add(r);
            }
        }
        return open;
    }

    /** The scores of each stage's open team-rounds, by the round just played, over all seasons. */
    static List<Group> byStage(List<Scored> scored, long simulations) {
        Map<String, List<TeamRound>> groups = new LinkedHashMap<>();
        scored.forEach(s -> groups.computeIfAbsent(s.stage().played(), k -> new ArrayList<>()).add(s.teamRound()));
        List<Group> scores = new ArrayList<>();
        groups.forEach((played, rounds) -> scores.add(new Group(played, rounds.size(),
                TournamentScore.scores(rounds, TeamRound::tipoff, 0.5 / simulations),
                TournamentScore.scores(rounds, TeamRound::log5, BacktestScore.LOG_LOSS_CLIP))));
        return scores;
    }
}
