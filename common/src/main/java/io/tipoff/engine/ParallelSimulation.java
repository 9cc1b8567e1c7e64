package io.tipoff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plays a range of simulations on a thread pool: the range is cut into contiguous slices, each slice is played on its
 * own, and the slices' aggregates are merged. Since every simulation draws from its own random streams, the result is
 * the same for any number of slices or threads.
 *
 * <p>Several slices per thread: a thread that the machine's other work (the database, the api) holds up leaves its
 * remaining slices to the others instead of making the whole chunk wait for it.
 */
public final class ParallelSimulation {

    private ParallelSimulation() {
    }

    static final int SLICES_PER_THREAD = 32;
    /** Below this many games a slice costs more to hand over than to play. */
    static final long MIN_SLICE_GAMES = 2_000;

    /** Plays simulations {@code first … first + count − 1} of the job seeded with {@code seed} on {@code threads}. */
    public static <A> A run(ExecutorService pool, int threads, Simulation<A> simulation, long seed, long first,
                            long count) throws InterruptedException {
        long minSlice = Math.max(1, MIN_SLICE_GAMES / simulation.gamesPerSimulation());
        int slices = (int) Math.max(1, Math.min((long) threads * SLICES_PER_THREAD, count / minSlice));
        List<Future<A>> parts = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            long from = first + count * slice / slices;
            long to = first + count * (slice + 1) / slices;
            parts.add(pool.submit(() -> simulation.simulate(seed, from, to - from)));
        }
        try {
            A total = parts.get(0).get();
            for (Future<A> part : parts.subList(1, parts.size())) {
                total = simulation.merge(total, part.get());
            }
            return total;
        } catch (ExecutionException e) {
            parts.forEach(part -> part.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            parts.forEach(part -> part.cancel(true));
            throw e;
        }
    }
}
