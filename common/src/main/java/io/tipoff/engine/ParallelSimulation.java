package io.tipoff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plays a range of games on a thread pool: the range is cut into contiguous slices, each slice is played by its own
 * {@link GameSimulator}, and the slices' aggregates are merged. Since every game draws from its own random stream, the
 * result is the same for any number of slices or threads.
 *
 * <p>Several slices per thread: a thread that the machine's other work (the database, the api) holds up leaves its
 * remaining slices to the others instead of making the whole chunk wait for it.
 */
public final class ParallelSimulation {

    private ParallelSimulation() {
    }

    static final int SLICES_PER_THREAD = 32;
    /** Below this a slice costs more to hand over than to play. */
    static final long MIN_SLICE_GAMES = 2_000;

    /** Plays games {@code firstGame … firstGame + games − 1} of the job seeded with {@code seed} on {@code threads}. */
    public static MatchupAggregate run(ExecutorService pool, int threads, MatchupModel model, long seed, long firstGame,
                                       long games) throws InterruptedException {
        int count = (int) Math.max(1, Math.min((long) threads * SLICES_PER_THREAD, games / MIN_SLICE_GAMES));
        List<Future<MatchupAggregate>> parts = new ArrayList<>(count);
        for (int slice = 0; slice < count; slice++) {
            long from = firstGame + games * slice / count;
            long to = firstGame + games * (slice + 1) / count;
            parts.add(pool.submit(() -> model.simulate(seed, from, to - from)));
        }
        MatchupAggregate total = MatchupAggregate.EMPTY;
        try {
            for (Future<MatchupAggregate> part : parts) {
                total = total.merge(part.get());
            }
        } catch (ExecutionException e) {
            parts.forEach(part -> part.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            parts.forEach(part -> part.cancel(true));
            throw e;
        }
        return total;
    }
}
