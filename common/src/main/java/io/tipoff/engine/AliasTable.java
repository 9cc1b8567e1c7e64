package io.tipoff.engine;

/**
 * Draws one of n outcomes with given probabilities from a single 64-bit random number (Walker's alias method, built
 * with Vose's algorithm). The top bits pick a column, the low 30 bits decide between the column's own outcome and its
 * alias, so a draw costs one random number, one array read, one comparison and no search however many outcomes there
 * are. Each column packs its threshold (high half) and its alias (low half) into one long.
 */
final class AliasTable {

    private static final int THRESHOLD_BITS = 30;
    private static final long THRESHOLD_MASK = (1L << THRESHOLD_BITS) - 1;
    private static final double THRESHOLD_SCALE = 0x1.0p30;

    private final int shift;
    private final long[] columns;

    AliasTable(double[] probabilities) {
        int n = Math.max(2, Integer.highestOneBit(Math.max(1, probabilities.length - 1)) << 1);
        double total = 0;
        for (double p : probabilities) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("probability must be non-negative, was " + p);
            }
            total += p;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("probabilities must not all be zero");
        }
        shift = 64 - Integer.numberOfTrailingZeros(n);
        columns = new long[n];

        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = n - 1; i >= 0; i--) {
            scaled[i] = i < probabilities.length ? probabilities[i] * n / total : 0.0;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            columns[less] = ((long) (scaled[less] * THRESHOLD_SCALE) << 32) | more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            if (scaled[more] < 1.0) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        // What is left has probability 1 up to rounding: it always keeps its own outcome.
        while (largeCount > 0) {
            keep(large[--largeCount]);
        }
        while (smallCount > 0) {
            keep(small[--smallCount]);
        }
    }

    private void keep(int column) {
        columns[column] = ((1L << THRESHOLD_BITS) << 32) | column;
    }

    int sample(long random) {
        int column = (int) (random >>> shift);
        long entry = columns[column];
        return (random & THRESHOLD_MASK) < (entry >>> 32) ? column : (int) entry;
    }
}
