package io.tipoff.engine;

import java.util.List;

/**
 * What a finished matchup job answers: the outcome of the simulated games and nothing else (no ids, no timings), so
 * the same job with the same seed always gives an identical result. Every figure is computed from the exact aggregate:
 * percentiles are exact order statistics of the simulated games, not estimates.
 *
 * @param overtimeRate    share of games that needed at least one overtime
 * @param overtimePeriods {@code [periods, games]} for every number of overtime periods that occurred, 0 included
 */
public record MatchupResult(long simulations, Team teamA, Team teamB, double overtimeRate,
                            List<long[]> overtimePeriods, Distribution margin, Distribution totalPoints,
                            double winProbabilityStdError) {

    /**
     * @param points the team's score over the simulated games
     * @param box    the team's box score, per game
     */
    public record Team(String name, double winProbability, double meanPoints, double stdDevPoints, Distribution points,
                       BoxAverages box) {
    }

    /**
     * A team's average box score per game. Percentages are fractions; {@code offensiveReboundRate} is the share of
     * the team's missed shots it rebounded itself.
     */
    public record BoxAverages(double possessions, double points, double twoPointAttempts, double twoPointPct,
                              double threePointAttempts, double threePointPct, double freeThrowAttempts,
                              double freeThrowsMade, double turnovers, double offensiveRebounds,
                              double offensiveReboundRate) {

        static BoxAverages of(BoxScore own, BoxScore opponent, long games) {
            double n = games;
            long reboundChances = own.offensiveRebounds() + opponent.defensiveRebounds();
            return new BoxAverages(own.possessions() / n, own.points() / n, own.twoPointAttempts() / n,
                    ratio(own.twoPointMade(), own.twoPointAttempts()), own.threePointAttempts() / n,
                    ratio(own.threePointMade(), own.threePointAttempts()), own.freeThrowAttempts() / n,
                    own.freeThrowsMade() / n, own.turnovers() / n, own.offensiveRebounds() / n,
                    ratio(own.offensiveRebounds(), reboundChances));
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /**
     * @param histogram {@code [value, count]} pairs for every value that occurred
     */
    public record Distribution(double mean, double stdDev, Percentiles percentiles, List<long[]> histogram) {

        static Distribution of(Histogram histogram) {
            return new Distribution(histogram.mean(), histogram.stdDev(), Percentiles.of(histogram),
                    histogram.entries());
        }
    }

    public record Percentiles(int p5, int p25, int p50, int p75, int p95) {

        static Percentiles of(Histogram h) {
            return new Percentiles(h.percentile(0.05), h.percentile(0.25), h.percentile(0.50), h.percentile(0.75),
                    h.percentile(0.95));
        }
    }

    public static MatchupResult of(String teamAName, String teamBName, MatchupAggregate aggregate) {
        long games = aggregate.games();
        if (games == 0) {
            throw new IllegalArgumentException("no games were simulated");
        }
        double winA = (double) aggregate.teamAWins() / games;
        Histogram overtimes = aggregate.overtimePeriods();
        return new MatchupResult(games,
                team(teamAName, winA, aggregate.teamAPoints(), aggregate.teamABox(), aggregate.teamBBox(), games),
                team(teamBName, (double) (games - aggregate.teamAWins()) / games, aggregate.teamBPoints(), aggregate.teamBBox(), aggregate.teamABox(), games),
                (double) (games - overtimes.count(0)) / games, overtimes.entries(),
                Distribution.of(aggregate.margin()), Distribution.of(aggregate.totalPoints()),
                Math.sqrt(winA * (1 - winA) / games));
    }

    private static Team team(String name, double winProbability, Histogram points, BoxScore own, BoxScore opponent,
                             long games) {
        return new Team(name, winProbability, points.mean(), points.stdDev(), Distribution.of(points),
                BoxAverages.of(own, opponent, games));
    }
}
