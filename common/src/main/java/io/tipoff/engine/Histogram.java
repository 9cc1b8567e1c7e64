package io.tipoff.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact counts of an integer outcome (points, margin, overtime periods): {@code counts[i]} games had value
 * {@code min + i}. Histograms of disjoint sets of games merge by adding counts, in any order, to the same result.
 */
public record Histogram(int min, long[] counts) {

    public static final Histogram EMPTY = new Histogram(0, new long[0]);

    public Histogram {
        counts = counts.clone();
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    public double mean() {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) counts[i] * (min + i);
        }
        return sum / total;
    }

    /** Standard deviation of the simulated values (all games, not a sample estimate). */
    public double stdDev() {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = min + i - mean;
            squares += counts[i] * deviation * deviation;
        }
        return Math.sqrt(squares / total);
    }

    /** The smallest value with at least {@code fraction} of the games at or below it (nearest rank, exact). */
    public int percentile(double fraction) {
        long total = total();
        if (total == 0) {
            throw new IllegalStateException("no values");
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return min + i;
            }
        }
        return min + counts.length - 1;
    }

    public long count(int value) {
        int i = value - min;
        return i >= 0 && i < counts.length ? counts[i] : 0;
    }

    /** The values that occurred, as {@code [value, count]} pairs in increasing order. */
    public List<long[]> entries() {
        List<long[]> entries = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                entries.add(new long[] {min + i, counts[i]});
            }
        }
        return entries;
    }

    public Histogram merge(Histogram other) {
        if (other.counts.length == 0) {
            return this;
        }
        if (counts.length == 0) {
            return other;
        }
        int low = Math.min(min, other.min);
        int high = Math.max(min + counts.length, other.min + other.counts.length);
        long[] merged = new long[high - low];
        for (int i = 0; i < counts.length; i++) {
            merged[min - low + i] += counts[i];
        }
        for (int i = 0; i < other.counts.length; i++) {
            merged[other.min - low + i] += other.counts[i];
        }
        return new Histogram(low, merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && min == h.min && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * min + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[min=" + min + ", values=" + counts.length + ", total=" + total() + "]";
    }

    /** Counts values as games are played; grows when a value falls outside the range seen so far. */
    static final class Builder {
        private int min;
        private long[] counts;

        Builder(int expectedMin, int expectedMax) {
            min = expectedMin;
            counts = new long[expectedMax - expectedMin + 1];
        }

        void add(int value) {
            int i = value - min;
            if (i < 0 || i >= counts.length) {
                grow(value);
                i = value - min;
            }
            counts[i]++;
        }

        private void grow(int value) {
            int low = Math.min(min, value);
            int high = Math.max(min + counts.length - 1, value);
            long[] grown = new long[high - low + 1];
            System.arraycopy(counts, 0, grown, min - low, counts.length);
            min = low;
            counts = grown;
        }

        /** The counts with empty ends trimmed, so equal games give equal histograms. */
        Histogram build() {
            int first = 0;
            int last = counts.length - 1;
            while (first <= last && counts[first] == 0) {
                first++;
            }
            while (last >= first && counts[last] == 0) {
                last--;
            }
            return first > last ? EMPTY : new Histogram(min + first, Arrays.copyOfRange(counts, first, last + 1));
        }
    }
}
