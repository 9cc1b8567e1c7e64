package io.tipoff.engine;

/**
 * How many possessions each team gets in a stretch of game: a normal distribution around the expected count,
 * rounded to whole possessions (at least one) and drawn with one random number.
 */
final class PossessionCount {

    private final int smallest;
    private final AliasTable sampler;

    PossessionCount(double mean, double stdDev) {
        this(mean, stdDev, 1);
    }

    /** Counts of at least {@code fewest}: the normal's mass below it is left out (not piled on it). */
    PossessionCount(double mean, double stdDev, int fewest) {
        if (stdDev <= 0) {
            smallest = Math.max(fewest, (int) Math.round(mean));
            sampler = new AliasTable(new double[] {1.0});
            return;
        }
        smallest = Math.max(fewest, (int) Math.floor(mean - 6 * stdDev));
        int largest = Math.max(smallest, (int) Math.ceil(mean + 6 * stdDev));
        double[] weights = new double[largest - smallest + 1];
        for (int i = 0; i < weights.length; i++) {
            double z = (smallest + i - mean) / stdDev;
            weights[i] = StrictMath.exp(-0.5 * z * z);
        }
        if (weights.length == 1) {
            weights[0] = 1;  // the fewest allowed lies far above the mean: its weight may underflow to zero
        }
        sampler = new AliasTable(weights);
    }

    int sample(long random) {
        return smallest + sampler.outcome((int) random);
    }
}
