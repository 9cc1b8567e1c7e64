package io.tipoff.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a set of simulated tournaments adds up to, in exact counts that merge by addition.
 *
 * @param tournaments tournaments played
 * @param teams       teams in the bracket, in bracket order
 * @param rounds      rounds by depth below the final: depth 0 is winning the final, 1 winning a semifinal, …
 * @param reached     {@code reached[team × rounds + depth]}: tournaments in which the team won its game at that depth
 * @param slotWins    {@code slotWins[game × teams + team]}: tournaments in which the team won that game (playing order)
 * @param finalFours  how often each set of semifinalists occurred, keyed by their team indexes, sorted, comma-joined
 */
public record TournamentAggregate(long tournaments, int teams, int rounds, long[] reached, long[] slotWins,
                                  Map<String, Long> finalFours) {

    public TournamentAggregate {
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(slotWins, "slotWins");
        finalFours = new TreeMap<>(finalFours);
    }

    public TournamentAggregate merge(TournamentAggregate o) {
        if (o.teams != teams || o.rounds != rounds || o.slotWins.length != slotWins.length) {
            throw new IllegalArgumentException("aggregates of different brackets");
        }
        Map<String, Long> sets = new TreeMap<>(finalFours);
        o.finalFours.forEach((key, count) -> sets.merge(key, count, Long::sum));
        return new TournamentAggregate(tournaments + o.tournaments, teams, rounds, add(reached, o.reached),
                add(slotWins, o.slotWins), sets);
    }

    /**
     * The aggregates of many disjoint ranges together, exactly as merging them pairwise: every count added into one
     * total, so the Final Four table is built once, in time proportional to the entries of the parts, where a fold of
     * {@link #merge} copies the growing table for every part (the parts × the distinct Final Fours). Keeping only the
     * likeliest Final Fours in each part would make the table depend on how the job was split, so it stays exact.
     */
    public static TournamentAggregate sum(List<TournamentAggregate> parts) {
        TournamentAggregate first = parts.get(0);
        long tournaments = 0;
        long[] reached = new long[first.reached.length];
        long[] slotWins = new long[first.slotWins.length];
        Map<String, Long> sets = new HashMap<>();
        for (TournamentAggregate part : parts) {
            if (part.teams != first.teams || part.rounds != first.rounds
                    || part.slotWins.length != slotWins.length) {
                throw new IllegalArgumentException("aggregates of different brackets");
            }
            tournaments += part.tournaments;
            addInto(reached, part.reached);
            addInto(slotWins, part.slotWins);
            part.finalFours.forEach((key, count) -> sets.merge(key, count, Long::sum));
        }
        return new TournamentAggregate(tournaments, first.teams, first.rounds, reached, slotWins, sets);
    }

    private static void addInto(long[] sum, long[] more) {
        for (int i = 0; i < more.length; i++) {
            sum[i] += more[i];
        }
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = a.clone();
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TournamentAggregate o && tournaments == o.tournaments && teams == o.teams
                && rounds == o.rounds && Arrays.equals(reached, o.reached) && Arrays.equals(slotWins, o.slotWins)
                && finalFours.equals(o.finalFours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tournaments, teams, rounds, Arrays.hashCode(reached), Arrays.hashCode(slotWins),
                finalFours);
    }

    @Override
    public String toString() {
        return "TournamentAggregate[tournaments=" + tournaments + ", teams=" + teams + "]";
    }

    /** Counts tournaments as they are played. */
    static final class Builder {
        private final int teams;
        private final int rounds;
        private final long[] reached;
        private final long[] slotWins;
        private final Map<String, Long> finalFours = new TreeMap<>();
        private final int[] semifinalists = new int[4];
        private long tournaments;

        Builder(int teams, int games, int rounds) {
            this.teams = teams;
            this.rounds = rounds;
            this.reached = new long[teams * rounds];
            this.slotWins = new long[games * teams];
        }

        /** One tournament: the winner of each game, in playing order, and each game's depth below the final. */
        void add(int[] winners, int[] depth) {
            tournaments++;
            int semifinals = 0;
            for (int g = 0; g < winners.length; g++) {
                reached[winners[g] * rounds + depth[g]]++;
                slotWins[g * teams + winners[g]]++;
                if (depth[g] == 2) {
                    semifinalists[semifinals++] = winners[g];
                }
            }
            if (semifinals > 0) {
                int[] set = Arrays.copyOf(semifinalists, semifinals);
                Arrays.sort(set);
                StringBuilder key = new StringBuilder();
                for (int team : set) {
                    key.append(key.isEmpty() ? "" : ",").append(team);
                }
                finalFours.merge(key.toString(), 1L, Long::sum);
            }
        }

        TournamentAggregate build() {
            return new TournamentAggregate(tournaments, teams, rounds, reached, slotWins, finalFours);
        }
    }
}
