package io.tipoff.worker.chunk;

import io.tipoff.messaging.Lane;
import io.tipoff.worker.config.WorkerProperties;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The worker's simulation threads, shared by the chunks it has in hand, which hand them their slices (about 30 ms of
 * one thread each, {@link io.tipoff.engine.ParallelSimulation}). A thread that frees up takes the most urgent slice
 * waiting: an interactive chunk's before any batch chunk's, and otherwise the chunk that came first, slice by slice in
 * order. So a visitor's small job preempts a running backtest at slice granularity, waiting at most for the slices
 * already being played, and two batch chunks in hand finish one after the other rather than both late.
 */
@Component
class SlicePool implements DisposableBean {

    private final ThreadPoolExecutor threads;
    private final AtomicLong chunks = new AtomicLong();

    SlicePool(WorkerProperties properties) {
        int threadCount = properties.worker().effectiveThreads();
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "simulation-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Where one chunk's slices go: ahead of every later chunk's, and of every batch chunk's if it is interactive. */
    Executor forChunk(Lane lane) {
        long chunk = chunks.incrementAndGet();
        AtomicInteger slices = new AtomicInteger();
        return task -> threads.execute(new Slice(task, lane == Lane.INTERACTIVE ? 0 : 1, chunk,
                slices.getAndIncrement()));
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }

    /** A slice in the queue, ordered by lane, then chunk, then its place in the chunk. */
    private record Slice(Runnable task, int lane, long chunk, int index) implements Runnable, Comparable<Slice> {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Slice other) {
            int byLane = Integer.compare(lane, other.lane);
            if (byLane != 0) {
                return byLane;
            }
            int byChunk = Long.compare(chunk, other.chunk);
            return byChunk != 0 ? byChunk : Integer.compare(index, other.index);
        }
    }
}
