package io.tipoff.cli;

import io.tipoff.engine.MatchupAggregate;
import io.tipoff.engine.MatchupModel;
import io.tipoff.engine.ParallelSimulation;
import io.tipoff.model.DefenseProfile;
import io.tipoff.model.Matchup;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine alone, no services: {@code bin/tipoff bench [--games N] [--threads T] [--runs R]}. Warms the JIT up,
 * plays N games R times on T threads exactly as a worker plays a chunk, and prints one JSON line with the median run.
 */
public final class Bench {

    /**
     * The 2019 national final, Virginia against Texas Tech, from Bart Torvik's season numbers: the bench's own game
     * (tests have theirs in common's test fixtures, so that neither moves when the other does).
     */
    private static final Matchup SAMPLE = new Matchup(
            new TeamProfile("Virginia", 60.7,
                    new OffenseProfile(0.525, 0.395, 0.400, 0.147, 0.304, 0.291, 0.745),
                    new DefenseProfile(0.457, 0.289, 0.426, 0.175, 0.254, 0.263)),
            new TeamProfile("Texas Tech", 67.5,
                    new OffenseProfile(0.528, 0.365, 0.359, 0.177, 0.274, 0.329, 0.730),
                    new DefenseProfile(0.419, 0.297, 0.415, 0.228, 0.287, 0.366)),
            Venue.NEUTRAL);

    private static final long SEED = 42;

    private Bench() {
    }

    public static void main(String[] args) throws InterruptedException {
        long games = 10_000_000;
        int threads = 1;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--games" -> games = Long.parseLong(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (games < 1 || threads < 1 || runs < 1) {
            throw new IllegalArgumentException("--games, --threads and --runs must be at least 1");
        }
        MatchupModel model = MatchupModel.of(SAMPLE, SimulationSettings.DEFAULTS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            long warmupGames = Math.min(games, 1_000_000);
            for (int round = 0; round < 3 || System.nanoTime() < warmupEnd; round++) {
                ParallelSimulation.run(pool, threads, model, SEED, round * warmupGames, warmupGames);
            }
            double[] seconds = new double[runs];
            MatchupAggregate last = null;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                last = ParallelSimulation.run(pool, threads, model, SEED, 0, games);
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
            double median = median(seconds);
            System.out.printf(Locale.ROOT,
                    "{\"games\":%d,\"threads\":%d,\"seconds\":%.4f,\"gamesPerSecond\":%.0f,\"runs\":%s,"
                            + "\"cores\":%d,\"teamAWinProbability\":%.6f}%n",
                    games, threads, median, games / median, Arrays.toString(seconds).replace(" ", ""),
                    Runtime.getRuntime().availableProcessors(), (double) last.teamAWins() / last.games());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The middle of the runs' times (the upper middle of an even number), the runs left in their order. */
    static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
