package io.tipoff.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a range of simulated pools adds up to, in exact counts that merge by addition (so the order chunks are
 * merged in never matters), with the candidate entries they were counted for.
 *
 * @param tournaments  tournaments played, each against its own field of opponents
 * @param entrants     entries in the pool, the candidate's included
 * @param labels       each candidate entry: what it is
 * @param picks        each candidate's pick of every game (a team index), playing order
 * @param shares       {@code shares[t × rounds + depth]}: the share of opponents picking team t to win at that depth
 * @param scoreSums    each candidate's points, summed over tournaments
 * @param places       {@code places[c][p − 1]}: tournaments in which candidate c finished p-th (1 + the opponents
 *                     who scored more)
 * @param ties         {@code ties[c][k]}: tournaments in which candidate c finished first level with k opponents
 * @param slotWins     {@code slotWins[game × teams + team]}: tournaments in which the team won that game
 * @param fieldScores  the opponents' points, summed over opponents and tournaments
 */
public record PoolAggregate(long tournaments, int entrants, List<String> labels, int[][] picks, double[] shares,
                            long[] scoreSums, long[][] places, long[][] ties, long[] slotWins, long fieldScores) {

    public PoolAggregate {
        labels = List.copyOf(labels);
        Objects.requireNonNull(picks, "picks");
        Objects.requireNonNull(shares, "shares");
    }

    /** The counts of many disjoint ranges of the same job together, exactly. */
    public static PoolAggregate sum(List<PoolAggregate> parts) {
        PoolAggregate first = parts.get(0);
        int candidates = first.labels.size();
        long tournaments = 0;
        long fieldScores = 0;
        long[] scoreSums = new long[candidates];
        long[][] places = new long[candidates][first.entrants];
        long[][] ties = new long[candidates][first.entrants];
        long[] slotWins = new long[first.slotWins.length];
        for (PoolAggregate part : parts) {
            if (part.entrants != first.entrants || !part.labels.equals(first.labels)
                    || !Arrays.deepEquals(part.picks, first.picks) || !Arrays.equals(part.shares, first.shares)) {
                throw new IllegalArgumentException("aggregates of different pools or candidate entries");
            }
            tournaments += part.tournaments;
            fieldScores += part.fieldScores;
            addInto(scoreSums, part.scoreSums);
            addInto(slotWins, part.slotWins);
            for (int c = 0; c < candidates; c++) {
                addInto(places[c], part.places[c]);
                addInto(ties[c], part.ties[c]);
            }
        }
        return new PoolAggregate(tournaments, first.entrants, first.labels, first.picks, first.shares, scoreSums,
                places, ties, slotWins, fieldScores);
    }

    public PoolAggregate merge(PoolAggregate other) {
        return sum(List.of(this, other));
    }

    private static void addInto(long[] sum, long[] more) {
        for (int i = 0; i < more.length; i++) {
            sum[i] += more[i];
        }
    }

    /** Candidate c's share of pool wins, a win shared with k opponents counting 1 / (k + 1). */
    public double winShare(int c) {
        double wins = 0;
        for (int k = 0; k < ties[c].length; k++) {
            wins += (double) ties[c][k] / (k + 1);
        }
        return wins / tournaments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolAggregate o && tournaments == o.tournaments && entrants == o.entrants
                && labels.equals(o.labels) && Arrays.deepEquals(picks, o.picks) && Arrays.equals(shares, o.shares)
                && Arrays.equals(scoreSums, o.scoreSums) && Arrays.deepEquals(places, o.places)
                && Arrays.deepEquals(ties, o.ties) && Arrays.equals(slotWins, o.slotWins)
                && fieldScores == o.fieldScores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tournaments, entrants, labels, Arrays.hashCode(scoreSums), fieldScores);
    }

    @Override
    public String toString() {
        return "PoolAggregate[tournaments=" + tournaments + ", entrants=" + entrants + ", candidates="
                + labels.size() + "]";
    }
}
