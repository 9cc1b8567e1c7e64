package io.tipoff.cli;

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
 *
 * <p>A simulated probability is a share of a finite number of games, so Tipoff's Brier score carries a simulation
 * error besides the model's: {@link #brierSimulationError()}.
 *
 * @param brierSimulationError the standard deviation of Tipoff's Brier score from the simulations alone: what
 *                             rerunning with another seed would move it by. Each game's share of wins {@code p} from
 *                             {@code N} games varies by {@code p (1 − p) / N}, its squared error by
 *                             {@code 2 (p − outcome)} times that, and the games' errors are independent
 */
record BacktestScore(int games, Probabilities tipoff, Probabilities log5, Comparison marginSpread,
                            Comparison totalPoints, Comparison overtimeShare, Comparison marginLogScore,
                            OnMarket market, double brierSimulationError) {

    /** The normal forecast of a margin that the simulated distribution is scored against: σ = 11 points. */
    static final double NORMAL_MARGIN_SD = 11.0;

    /** Clip for the log loss: a probability of 0 or 1 that turns out wrong costs −ln(10⁻¹⁵) ≈ 34.5, not infinity. */
    static final double LOG_LOSS_CLIP = 1e-15;

    /**
     * One game: what happened, and what was predicted for it.
     *
     * @param market           the betting market's no-vig chance that team A wins, or null without a line
     * @param marginLogP       ln of the simulated share of games that ended with the actual margin (a margin never
     *                         simulated counts as half a game), or null when not known
     * @param normalMarginLogP ln of the chance of the actual margin under a normal around the efficiency margin,
     *                         σ = {@link #NORMAL_MARGIN_SD} (the mass within half a point of it), or null
     */
    record Game(Outcome outcome, Simulated simulated, Double log5, Double market, Double marginLogP,
                Double normalMarginLogP) {

        Game(Outcome outcome, Simulated simulated, Double log5) {
            this(outcome, simulated, log5, null, null, null);
        }
    }

    /** The games that have a betting line, scored for each forecast. */
    record OnMarket(int games, Probabilities tipoff, Probabilities log5, Probabilities market) {
    }

    /**
     * What happened, from team A's side.
     *
     * @param margin team A's points minus team B's
     */
    record Outcome(boolean teamAWon, int margin, int totalPoints, boolean overtime) {
    }

    /** What the simulation of one game answered (the job result's fields of the same names). */
    record Simulated(long simulations, double winProbability, double marginMean, double marginStdDev,
                     double totalPointsMean, double overtimeRate) {
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
        Comparison marginLogScore = games.stream().allMatch(g -> g.marginLogP() != null && g.normalMarginLogP() != null)
                ? new Comparison(mean(games, Game::marginLogP), mean(games, Game::normalMarginLogP)) : null;
        return new BacktestScore(games.size(), tipoff, log5, marginSpread, totalPoints, overtime, marginLogScore,
                onMarket(games), brierSimulationError(games));
    }

    private static double brierSimulationError(List<Game> games) {
        double variance = 0;
        for (Game game : games) {
            double p = game.simulated().winProbability();
            double error = p - (game.outcome().teamAWon() ? 1 : 0);
            variance += 4 * error * error * p * (1 - p) / game.simulated().simulations();
        }
        return Math.sqrt(variance) / games.size();
    }

    /** The scores on the games with a line; null when none has one. */
    private static OnMarket onMarket(List<Game> games) {
        List<Game> lined = games.stream().filter(g -> g.market() != null).toList();
        if (lined.isEmpty()) {
            return null;
        }
        List<Outcome> outcomes = lined.stream().map(Game::outcome).toList();
        return new OnMarket(lined.size(),
                probabilities(lined.stream().mapToDouble(g -> g.simulated().winProbability()).toArray(), outcomes),
                lined.stream().allMatch(g -> g.log5() != null)
                        ? probabilities(lined.stream().mapToDouble(Game::log5).toArray(), outcomes) : null,
                probabilities(lined.stream().mapToDouble(Game::market).toArray(), outcomes));
    }

    /**
     * ln of the chance a normal distribution of margins (mean {@code expected}, σ = {@link #NORMAL_MARGIN_SD}) gives
     * the whole-point margin {@code actual}: its mass between {@code actual ± 0.5}.
     */
    static double normalMarginLogP(double expected, int actual) {
        double mass = normalCdf((actual + 0.5 - expected) / NORMAL_MARGIN_SD)
                - normalCdf((actual - 0.5 - expected) / NORMAL_MARGIN_SD);
        return Math.log(Math.max(mass, LOG_LOSS_CLIP));
    }

    /** ln of the simulated share of the actual margin; a margin never simulated counts as half a game. */
    static double simulatedMarginLogP(long count, long simulations) {
        return Math.log(Math.max(count, 0.5) / simulations);
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26 for erf, error below 1.5 × 10⁻⁷). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
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
