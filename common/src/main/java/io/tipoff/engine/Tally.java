package io.tipoff.engine;

import java.util.Arrays;

/**
 * The counts behind every probability a result reports: {@code successes[i]} of {@code trials} simulations (a matchup:
 * team A's wins; a tournament: each team reaching each round). Tallies of disjoint ranges of simulations add up, so a
 * job can tell, chunk by chunk in index order, when its estimates are precise enough to stop.
 */
public record Tally(long trials, long[] successes) {

    public Tally {
        if (trials < 0) {
            throw new IllegalArgumentException("trials must not be negative");
        }
        successes = successes.clone();
    }

    public Tally plus(Tally other) {
        if (other.successes.length != successes.length) {
            throw new IllegalArgumentException("tallies of different results");
        }
        long[] sum = successes.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.successes[i];
        }
        return new Tally(trials + other.trials, sum);
    }

    /**
     * The largest standard error of the reported probabilities, each estimated as {@code p = successes / trials} with
     * the binomial standard error {@code sqrt(p (1 − p) / trials)}; infinite before the first trial.
     */
    public double maxStdError() {
        if (trials == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (long success : successes) {
            double p = (double) success / trials;
            worst = Math.max(worst, Math.sqrt(p * (1 - p) / trials));
        }
        return worst;
    }

    @Override
    public long[] successes() {
        return successes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally t && t.trials == trials && Arrays.equals(t.successes, successes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(trials) * 31 + Arrays.hashCode(successes);
    }

    @Override
    public String toString() {
        return "Tally[trials=" + trials + ", probabilities=" + successes.length + "]";
    }
}
