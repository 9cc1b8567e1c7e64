package io.tipoff.api.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How well predictions did on real games: the figures {@link Backtest} prints. Pure arithmetic, no I/O.
 *
 * <p>Every probability is the chance that team A (the team with the lower id) wins, so that it is not trivially the
 * winner's. Probability scores: the Brier score (mean squared error of the probability against the 0/1 outcome), the
 * log loss (mean negative log-likelihood of the outcome, the probability clipped to [10⁻¹⁵, 1 − 10⁻¹⁵] so that one
 * certain miss does not make it infinite), accuracy (team A is picked when its chance is above one half; a chance of
 * exactly one half counts half a correct pick) and calibration by decile of the probability.
 *
 * <p>The simulation also predicts a whole distribution of margins and points. Its spread is judged by comparing two
 * root mean squares over the games: of each game's simulated margin standard deviation (the spread the simulation
 * claims) and of the actual margin minus the simulated mean margin (the spread real games show around the simulated
 * mean). They agree when the simulated games are as uncertain as real ones.
 */
record BacktestScore(int games, Probabilities tipoff, Probabilities log5, Comparison marginSpread,
                            Comparison totalPoints, Comparison overtimeShare) {

    /** Clip for the log loss: a probability of 0 or 1 that turns out wrong costs −ln(10⁻¹⁵) ≈ 34.5, not infinity. */
    static final double LOG_LOSS_CLIP = 1e-15;

    /** One game: what happened, and what was predicted for it. */
    record Game(Outcome outcome, Simulated simulated, Double log5) {
    }

    /**
     * What happened, from team A's side.
     *
     * @param margin team A's points minus team B's
     */
    record Outcome(boolean teamAWon, int margin, int totalPoints, boolean overtime) {
    }

    /** What the simulation of one game answered (the job result's fields of the same names). */
    record Simulated(double winProbability, double marginMean, double marginStdDev, double totalPointsMean,
                            double overtimeRate) {
    }

    /** The scores of one set of probabilities. */
    record Probabilities(double brier, double logLoss, double accuracy, List<Bin> calibration) {
    }

    /**
     * One decile of the calibration table: the games whose probability is in [from, to) (the last bin includes 1).
     *
     * @param meanPredicted the mean probability of the games in the bin (NaN when it has none)
     * @param observed      the share of them that team A won (NaN when it has none)
     */
    record Bin(double from, double to, int games, double meanPredicted, double observed) {
    }

    /** A figure as the simulation has it and as the real games have it. */
    record Comparison(double simulated, double actual) {
    }

    /** Scores the games; {@link #log5()} is null unless every game has a log5 probability. */
    static BacktestScore of(List<Game> games) {
        if (games.isEmpty()) {
            throw new IllegalArgumentException("no games to score");
        }
        List<Outcome> outcomes = games.stream().map(Game::outcome).toList();
        Probabilities tipoff = probabilities(games.stream().mapToDouble(g -> g.simulated().winProbability())
                .toArray(), outcomes);
        Probabilities log5 = games.stream().allMatch(g -> g.log5() != null)
                ? probabilities(games.stream().mapToDouble(Game::log5).toArray(), outcomes) : null;
        Comparison marginSpread = new Comparison(
                rootMeanSquare(games, g -> g.simulated().marginStdDev()),
                rootMeanSquare(games, g -> g.outcome().margin() - g.simulated().marginMean()));
        Comparison totalPoints = new Comparison(mean(games, g -> g.simulated().totalPointsMean()),
                mean(games, g -> g.outcome().totalPoints()));
        Comparison overtime = new Comparison(mean(games, g -> g.simulated().overtimeRate()),
                mean(games, g -> g.outcome().overtime() ? 1 : 0));
        return new BacktestScore(games.size(), tipoff, log5, marginSpread, totalPoints, overtime);
    }

    /**
     * Log5 (Bill James): the chance that a team with rating a (its chance of beating an average team) beats one with
     * rating b. Two perfect or two hopeless teams are even.
     */
    static double log5(double a, double b) {
        double aWins = a * (1 - b);
        double bWins = b * (1 - a);
        return aWins + bWins == 0 ? 0.5 : aWins / (aWins + bWins);
    }

    static Probabilities probabilities(double[] p, List<Outcome> outcomes) {
        double squaredError = 0;
        double logLikelihood = 0;
        double correct = 0;
        int[] binGames = new int[10];
        double[] binPredicted = new double[10];
        int[] binWins = new int[10];
        for (int i = 0; i < p.length; i++) {
            boolean won = outcomes.get(i).teamAWon();
            double clipped = Math.min(1 - LOG_LOSS_CLIP, Math.max(LOG_LOSS_CLIP, p[i]));
            squaredError += (p[i] - (won ? 1 : 0)) * (p[i] - (won ? 1 : 0));
            logLikelihood += Math.log(won ? clipped : 1 - clipped);
            correct += p[i] == 0.5 ? 0.5 : (p[i] > 0.5) == won ? 1 : 0;
            int bin = Math.min(9, (int) Math.floor(p[i] * 10));
            binGames[bin]++;
            binPredicted[bin] += p[i];
            binWins[bin] += won ? 1 : 0;
        }
        List<Bin> calibration = new ArrayList<>(10);
        for (int bin = 0; bin < 10; bin++) {
            int n = binGames[bin];
            calibration.add(new Bin(bin / 10.0, (bin + 1) / 10.0, n, n == 0 ? Double.NaN : binPredicted[bin] / n,
                    n == 0 ? Double.NaN : (double) binWins[bin] / n));
        }
        return new Probabilities(squaredError / p.length, -logLikelihood / p.length, correct / p.length, calibration);
    }

    private static double mean(List<Game> games, ToDoubleFunction<Game> value) {
        return games.stream().mapToDouble(value).sum() / games.size();
    }

    private static double rootMeanSquare(List<Game> games, ToDoubleFunction<Game> value) {
        return Math.sqrt(games.stream().mapToDouble(value).map(x -> x * x).sum() / games.size());
    }
}
