package io.tipoff.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well bracket forecasts did on real tournaments: the figures the tournament backtest prints. Pure arithmetic,
 * no I/O.
 *
 * <p>A forecast gives each team, for each game on its path, the chance that it wins that game (and so every game
 * before it): a <em>team-round</em>, keyed by the round the win reaches ({@code R64} for a First Four game, then
 * {@code R32}, {@code S16}, {@code E8}, {@code F4}, {@code NCG}, {@code CHAMP}). Its outcome is whether the team got
 * that far. Every team-round is scored with the log loss (mean negative log-likelihood of the outcome) and the Brier
 * score (mean squared error of the probability against the 0/1 outcome), over all of them, by round and by season.
 *
 * <p>A simulated share of 0 out of N tournaments says that the chance is below about 1/N, not that it is impossible,
 * so for the log loss a simulated probability is clipped to [1/(2N), 1 − 1/(2N)]: half a tournament. Exact
 * probabilities (log5) are clipped only to [10⁻¹⁵, 1 − 10⁻¹⁵] ({@link BacktestScore#LOG_LOSS_CLIP}).
 */
record TournamentScore(int seasons, int teamRounds, Scores tipoff, Scores log5, List<Group> byRound,
                       List<Group> bySeason) {

    /**
     * One team-round: the team's chance to win the game that reaches {@code round}, simulated and by log5, and
     * whether it did.
     */
    record TeamRound(int season, String seed, String round, boolean won, double tipoff, double log5) {
    }

    record Scores(double logLoss, double brier) {
    }

    /** The team-rounds of one round (over all seasons) or of one season. */
    record Group(String name, int teamRounds, Scores tipoff, Scores log5) {
    }

    /** @param simulations tournaments simulated per season, for the clip of simulated probabilities */
    static TournamentScore of(List<TeamRound> teamRounds, long simulations) {
        if (teamRounds.isEmpty()) {
            throw new IllegalArgumentException("no team-rounds to score");
        }
        double simulatedClip = 0.5 / simulations;
        List<Group> byRound = groups(teamRounds, TeamRound::round, simulatedClip,
                Comparator.comparingInt(TournamentScore::teamsLeft).reversed());
        List<Group> bySeason = groups(teamRounds, r -> Integer.toString(r.season()), simulatedClip,
                Comparator.naturalOrder());
        return new TournamentScore(bySeason.size(), teamRounds.size(),
                scores(teamRounds, TeamRound::tipoff, simulatedClip),
                scores(teamRounds, TeamRound::log5, BacktestScore.LOG_LOSS_CLIP), byRound, bySeason);
    }

    private static List<Group> groups(List<TeamRound> teamRounds, Function<TeamRound, String> key, double clip,
                                      Comparator<String> order) {
        Map<String, List<TeamRound>> groups = new TreeMap<>(order);
        teamRounds.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Group> list = new ArrayList<>();
        groups.forEach((name, rounds) -> list.add(new Group(name, rounds.size(),
                scores(rounds, TeamRound::tipoff, clip), scores(rounds, TeamRound::log5, BacktestScore.LOG_LOSS_CLIP))));
        return list;
    }

    /** The scores of other chances of the same team-rounds, in their order. */
    static Scores scores(List<TeamRound> teamRounds, List<Double> chances, double clip) {
        double logLikelihood = 0;
        double squaredError = 0;
        for (int i = 0; i < teamRounds.size(); i++) {
            boolean won = teamRounds.get(i).won();
            double p = chances.get(i);
            double clipped = Math.min(1 - clip, Math.max(clip, p));
            logLikelihood += Math.log(won ? clipped : 1 - clipped);
            squaredError += (p - (won ? 1 : 0)) * (p - (won ? 1 : 0));
        }
        return new Scores(-logLikelihood / teamRounds.size(), squaredError / teamRounds.size());
    }

    static Scores scores(List<TeamRound> teamRounds, ToDoubleFunction<TeamRound> probability, double clip) {
        return scores(teamRounds, teamRounds.stream().map(probability::applyAsDouble).toList(), clip);
    }

    private static final Pattern ROUND_OF = Pattern.compile("R(\\d+)");

    /**
     * The teams left in a round: {@code R64} 64, {@code S16} 16, {@code NCG} 2, {@code CHAMP} 1. Torvik's POSTSEASON
     * names the last round a team reached the same way ({@code R68} lost in the First Four, {@code 2ND} lost the
     * final, {@code Champions}).
     *
     * @throws IllegalArgumentException for a name that is no round
     */
    static int teamsLeft(String round) {
        return switch (round) {
            case "S16" -> 16;
            case "E8" -> 8;
            case "F4" -> 4;
            case "NCG", "2ND" -> 2;
            case "CHAMP", "Champions" -> 1;
            default -> {
                Matcher m = ROUND_OF.matcher(round);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a round: " + round);
                }
                yield Integer.parseInt(m.group(1));
            }
        };
    }

    /**
     * Whether a team whose tournament ended in {@code postseason} (its POSTSEASON: the last round it reached) won the
     * game that reaches {@code round}: it did when it got at least that far.
     */
    static boolean won(String postseason, String round) {
        return teamsLeft(postseason) <= teamsLeft(round);
    }
}
