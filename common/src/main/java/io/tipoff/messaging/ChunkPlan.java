package io.tipoff.messaging;

import java.util.UUID;

/**
 * How a job's simulations are split, the one definition the api (which dispatches chunks) and the worker (which checks
 * a chunk against its job) share: chunk {@code i} plays simulations {@code i × chunkSize} up to the next chunk's first,
 * the last chunk taking what is left. Where a simulation falls never changes how it is played (each has its own random
 * stream), so the plan only decides how the work is shared out.
 */
public record ChunkPlan(long simulations, int chunkSize, int chunks) {

    /** About 10 s of one worker's two cores: a larger chunk only delays progress, fair sharing and redelivery. */
    public static final int MAX_CHUNK_SIZE = 10_000_000;

    public ChunkPlan {
        if (simulations < 1 || chunkSize < 1 || chunks != (simulations + chunkSize - 1) / chunkSize) {
            throw new IllegalArgumentException("not a plan: " + simulations + " simulations in " + chunks
                    + " chunks of " + chunkSize);
        }
    }

    /** The plan of {@code simulations} in chunks of {@code chunkSize}; too many chunks for an int is an error. */
    public static ChunkPlan of(long simulations, int chunkSize) {
        long chunks = (simulations + chunkSize - 1) / chunkSize;
        if (chunks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many chunks: " + chunks);
        }
        return new ChunkPlan(simulations, chunkSize, (int) chunks);
    }

    /** The message of chunk {@code index}. */
    public ChunkMessage chunk(UUID jobId, int index) {
        if (index < 0 || index >= chunks) {
            throw new IllegalArgumentException("chunk " + index + " of " + chunks);
        }
        return new ChunkMessage(jobId, index, firstOf(index), (int) Math.min(chunkSize, simulations - firstOf(index)));
    }

    /** Whether the message is one of this plan's chunks, as the api planned it (not made up or garbled). */
    public boolean plans(ChunkMessage chunk) {
        return chunk.chunkIndex() < chunks && chunk.equals(chunk(chunk.jobId(), chunk.chunkIndex()));
    }

    /** The simulations of the first {@code count} chunks: what a result reduced from them counts. */
    public long simulationsIn(int count) {
        return Math.min(simulations, (long) count * chunkSize);
    }

    private long firstOf(int index) {
        return (long) index * chunkSize;
    }
}
