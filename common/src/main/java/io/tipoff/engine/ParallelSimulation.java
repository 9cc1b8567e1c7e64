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
 */
public final class ParallelSimulation {

    private ParallelSimulation() {
    }

    public static MatchupAggregate run(ExecutorService pool, int slices, MatchupModel model, long seed, long firstGame,
                                       long games) throws InterruptedException {
        int count = (int) Math.max(1, Math.min(slices, games));
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
