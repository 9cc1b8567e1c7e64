package io.tipoff.engine;

import java.util.List;

/**
 * What a finished matchup job answers: the outcome of the simulated games and nothing else (no ids, no timings), so
 * the same job with the same seed always gives an identical result.
 */
public record MatchupResult(long simulations, Team teamA, Team teamB, double overtimeRate, Distribution margin,
                            Distribution totalPoints, double winProbabilityStdError) {

    public record Team(String name, double winProbability, double meanPoints, double stdDevPoints) {
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
        Histogram a = aggregate.teamAPoints();
        Histogram b = aggregate.teamBPoints();
        double overtime = (double) (games - aggregate.overtimePeriods().count(0)) / games;
        return new MatchupResult(games,
                new Team(teamAName, winA, a.mean(), a.stdDev()),
                new Team(teamBName, (double) (games - aggregate.teamAWins()) / games, b.mean(), b.stdDev()),
                overtime, Distribution.of(aggregate.margin()), Distribution.of(aggregate.totalPoints()),
                Math.sqrt(winA * (1 - winA) / games));
    }
}
