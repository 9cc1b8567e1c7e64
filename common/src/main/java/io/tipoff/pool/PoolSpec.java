package io.tipoff.pool;

import java.util.List;
import java.util.Objects;

/**
 * The pool a BRACKET_POOL job chooses an entry for, stored with the job: its size, its scoring and the public's picks
 * as they were when the job was accepted (a later picks import does not change the job).
 *
 * @param entrants how many entries the pool has, the job's own included (at least 2)
 * @param scoring  points for each correct pick in the rounds of the main draw, the round of 64 first (ESPN's: 10, 20,
 *                 40, 80, 160, 320); First Four games score nothing
 * @param picks    the share of the public that picked each seed to win each round; null when the season has none,
 *                 and the opponents then pick by {@link PublicField#withoutPicks}'s rule
 * @param pilot    tournaments played first, on streams of their own, to rate the teams for the candidate entries and
 *                 the favourites' bracket (the same for every chunk of the job)
 */
public record PoolSpec(int entrants, List<Integer> scoring, List<SeedPicks> picks, int pilot) {

    /** ESPN Tournament Challenge: 10 points a correct pick in the round of 64, doubling each round. */
    public static final List<Integer> ESPN_SCORING = List.of(10, 20, 40, 80, 160, 320);
    /** The most entrants a pool may have: the work of a tournament grows with them. */
    public static final int MAX_ENTRANTS = 1_000;
    /** The most points one correct pick may score. */
    public static final int MAX_POINTS = 100_000;
    public static final int DEFAULT_PILOT = 5_000;

    public PoolSpec {
        if (entrants < 2 || entrants > MAX_ENTRANTS) {
            throw new IllegalArgumentException("entrants must be between 2 and " + MAX_ENTRANTS + ", was " + entrants);
        }
        scoring = List.copyOf(scoring);
        for (int points : scoring) {
            if (points < 0 || points > MAX_POINTS) {
                throw new IllegalArgumentException("points must be between 0 and " + MAX_POINTS + ", was " + points);
            }
        }
        picks = picks == null || picks.isEmpty() ? null : List.copyOf(picks);
        if (pilot < 1) {
            throw new IllegalArgumentException("pilot must be at least 1");
        }
    }

    /**
     * The public's picks of one seed: {@code shares[i]} is the share of entries that picked it to win its game of
     * round {@code i} of the main draw (0: the round of 64, …, 5: the final). Both teams of a First Four game listed
     * as one entry carry the entry's shares.
     */
    public record SeedPicks(String seed, List<Double> shares) {

        public SeedPicks {
            Objects.requireNonNull(seed, "seed");
            shares = List.copyOf(shares);
            for (double share : shares) {
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("a share must be between 0 and 1, was " + share);
                }
            }
        }
    }
}
