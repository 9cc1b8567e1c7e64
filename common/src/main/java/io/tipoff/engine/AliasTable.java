package io.tipoff.engine;

import java.util.List;

/**
 * Draws one of up to 256 outcomes with given probabilities from 32 random bits (Walker's alias method, built with
 * Vose's algorithm). The top bits pick a column, the low 16 bits decide between the column's own outcome and its
 * alias, so a draw costs one array read, one comparison and no search. Bits 16–23 are left to the caller (when there
 * are at most 256 columns, as here, the column uses bits 24–31 at most).
 *
 * <p>Several distributions can be stacked in one table, each padded to the same power-of-two number of columns, so
 * that switching between them costs an index, not a pointer to follow. Each outcome may carry a 9-bit code (for a
 * possession: its points and whether the possession goes on). A column packs, in one long, its threshold (bits
 * 34–49), its alias (bits 18–33) and both outcomes' codes (bits 9–17 and 0–8), so a draw answers the outcome and its
 * code with a single memory read and no branch.
 *
 * <p>Probabilities are kept to 2^-16 of a column, 2^-24 of the whole: far below what any number of simulated games can
 * tell apart (a billion games estimate a probability to about 2^-15).
 */
final class AliasTable {

    static final int CODE_BITS = 9;
    static final int CODE_MASK = (1 << CODE_BITS) - 1;
    /** At most 256 columns: their bits (24–31) stay clear of the caller's bits 16–23. */
    static final int MAX_OUTCOMES = 1 << 8;

    private static final int THRESHOLD_BITS = 16;
    private static final long THRESHOLD_MASK = (1L << THRESHOLD_BITS) - 1;
    private static final double THRESHOLD_SCALE = 0x1.0p16;

    private final int columnBits;
    private final int shift;
    private final long[] columns;

    /** One distribution, without codes. */
    AliasTable(double[] probabilities) {
        this(List.of(probabilities), List.of(new int[probabilities.length]));
    }

    /** Stacked distributions: distribution {@code d}'s outcome {@code i} has code {@code codes.get(d)[i]}. */
    AliasTable(List<double[]> probabilities, List<int[]> codes) {
        int largest = probabilities.stream().mapToInt(p -> p.length).max().orElseThrow();
        if (largest > MAX_OUTCOMES) {
            throw new IllegalArgumentException("too many outcomes: " + largest);
        }
        int n = Math.max(2, Integer.highestOneBit(Math.max(1, largest - 1)) << 1);
        columnBits = Integer.numberOfTrailingZeros(n);
        shift = 32 - columnBits;
        columns = new long[n * probabilities.size()];
        for (int d = 0; d < probabilities.size(); d++) {
            fill(d * n, n, probabilities.get(d), codes.get(d));
        }
    }

    /** Number of columns of each distribution: outcome {@code i} of distribution {@code d} is {@code d × stride + i}. */
    int stride() {
        return 1 << columnBits;
    }

    private void fill(int offset, int n, double[] probabilities, int[] codes) {
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0)) {
                throw new IllegalArgumentException("probability must be non-negative, was " + probabilities[i]);
            }
            if (codes[i] < 0 || codes[i] > CODE_MASK) {
                throw new IllegalArgumentException("code must fit in " + CODE_BITS + " bits, was " + codes[i]);
            }
            total += probabilities[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("probabilities must not all be zero");
        }
        double[] scaled = new double[n];
        long[] threshold = new long[n];
        int[] alias = new int[n];
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
            threshold[less] = Math.round(scaled[less] * THRESHOLD_SCALE);
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            if (scaled[more] < 1.0) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        // What is left has probability 1 up to rounding: it always keeps its own outcome. Its threshold (2^16) is
        // stored as 2^16 − 1, which its alias, itself, makes harmless.
        while (largeCount > 0) {
            int column = large[--largeCount];
            threshold[column] = THRESHOLD_MASK;
            alias[column] = column;
        }
        while (smallCount > 0) {
            int column = small[--smallCount];
            threshold[column] = THRESHOLD_MASK;
            alias[column] = column;
        }
        for (int i = 0; i < n; i++) {
            long own = i < codes.length ? codes[i] : 0;
            long other = alias[i] < codes.length ? codes[alias[i]] : 0;
            columns[offset + i] = Math.min(threshold[i], THRESHOLD_MASK) << 34 | (long) alias[i] << 18
                    | other << CODE_BITS | own;
        }
    }

    /**
     * Draws from distribution {@code d}: the outcome (numbered {@code d × stride + i}) and its code, packed as
     * {@code outcome << CODE_BITS | code}.
     */
    int sample(int d, int random) {
        int base = d << columnBits;
        int column = base | random >>> shift;
        long entry = columns[column];
        int own = column << CODE_BITS | (int) (entry & CODE_MASK);
        int alias = (base | (int) (entry >>> 18 & 0xFFFF)) << CODE_BITS | (int) (entry >>> CODE_BITS & CODE_MASK);
        // All ones when the low bits fall under the threshold (keep the column's own outcome), else zero: no branch
        // for the processor to mispredict.
        int keep = ((random & (int) THRESHOLD_MASK) - (int) (entry >>> 34)) >> 31;
        return alias ^ ((own ^ alias) & keep);
    }

    /** The outcome drawn from a single distribution. */
    int outcome(int random) {
        return sample(0, random) >>> CODE_BITS;
    }
}
