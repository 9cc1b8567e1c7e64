package io.tipoff.engine;

import io.tipoff.model.JobSpec;
import io.tipoff.pool.PoolModel;
import java.util.List;

/**
 * A job's subject ready to be played: a matchup ({@link MatchupModel}) or a bracket ({@link TournamentModel}).
 * Simulation {@code i} of a job is always played the same way (its own random streams), so any split of a job's
 * simulations into ranges, played anywhere, merges into the same aggregate.
 *
 * @param <A> the exact, mergeable counts of a range of simulations
 */
public interface Simulation<A> {

    /** Plays simulations {@code first … first + count − 1} of the job seeded with {@code seed}. */
    A simulate(long seed, long first, long count);

    /** The counts of two disjoint ranges together. */
    A merge(A one, A other);

    /**
     * The counts of many disjoint ranges together, the same as merging them one by one in any order. A reduce that
     * folds a job's chunks with {@link #merge} copies the growing total each time; this adds a batch into one total.
     */
    default A mergeAll(List<A> parts) {
        A total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            total = merge(total, parts.get(i));
        }
        return total;
    }

    /** What the counts are, for reading them back (a chunk's aggregate is stored as JSON). */
    Class<A> aggregateType();

    /** What a finished job answers, from the counts of all its simulations. */
    Object result(A total);

    /** The counts behind the probabilities the result reports, for a precision target (see {@link Tally}). */
    Tally tally(A aggregate);

    /** Games in one simulation: 1 for a matchup, one per slot for a tournament. */
    int gamesPerSimulation();

    /** The model of a stored job. */
    static Simulation<?> of(JobSpec spec) {
        return switch (spec.type()) {
            case MATCHUP -> MatchupModel.of(spec.matchup(), spec.settings());
            case TOURNAMENT -> TournamentModel.of(spec.tournament(), spec.settings());
            case BRACKET_POOL -> PoolModel.of(spec.tournament(), spec.pool(), spec.settings());
        };
    }
}
