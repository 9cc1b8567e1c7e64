package io.tipoff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Plays a range of simulations on a thread pool: the range is cut into contiguous slices, each slice is played on its
 * own, and the slices' aggregates are merged. Since every simulation draws from its own random streams, the result is
 * the same for any number of slices or threads.
 *
 * <p>Several slices per thread: a thread that the machine's other work (the database, the api) holds up leaves its
 * remaining slices to the others instead of making the whole chunk wait for it. And short slices, at most
 * {@link #MAX_SLICE_GAMES} games (about 30 ms of one thread): a worker's pool can put another chunk's slices ahead of
 * these (an interactive job's), which then wait at most one slice for a thread.
 */
public final class ParallelSimulation {

    private ParallelSimulation() {
    }

    static final int SLICES_PER_THREAD = 32;
    /** Below this many games a slice costs more to hand over than to play. */
    static final long MIN_SLICE_GAMES = 2_000;
    /** Above this many games a slice holds its thread long enough to delay a more urgent chunk noticeably. */
    static final long MAX_SLICE_GAMES = 50_000;

    /** Plays simulations {@code first … first + count − 1} of the job seeded with {@code seed} on {@code threads}. */
    public static <A> A run(Executor pool, int threads, Simulation<A> simulation, long seed, long first,
                            long count) throws InterruptedException {
        int slices = slices(threads, simulation.gamesPerSimulation(), count);
        List<Future<A>> parts = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            long from = first + count * slice / slices;
            long to = first + count * (slice + 1) / slices;
            FutureTask<A> part = new FutureTask<>(() -> simulation.simulate(seed, from, to - from));
            parts.add(part);
            pool.execute(part);
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

    /**
     * How many slices {@code count} simulations of {@code gamesPerSimulation} games are cut into: enough for every
     * thread to take several and none longer than {@link #MAX_SLICE_GAMES} games, but none shorter than
     * {@link #MIN_SLICE_GAMES}.
     */
    static int slices(int threads, int gamesPerSimulation, long count) {
        long minSlice = Math.max(1, MIN_SLICE_GAMES / gamesPerSimulation);
        long maxSlice = Math.max(1, MAX_SLICE_GAMES / gamesPerSimulation);
        long wanted = Math.max((long) threads * SLICES_PER_THREAD, (count + maxSlice - 1) / maxSlice);
        return (int) Math.max(1, Math.min(wanted, count / minSlice));
    }
}
