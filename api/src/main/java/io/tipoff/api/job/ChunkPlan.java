package io.tipoff.api.job;

import io.tipoff.messaging.ChunkMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How a job's games are split: chunk {@code i} plays games {@code i × chunkSize} up to the next chunk's first game,
 * the last chunk taking what is left. Where a game falls never changes how it is played (each game has its own random
 * stream), so the plan only decides how the work is shared out.
 */
record ChunkPlan(long simulations, int chunkSize, int chunks) {

    /** About 10 s of one worker's two cores: a larger chunk only delays progress and redelivery. */
    static final int MAX_CHUNK_SIZE = 10_000_000;

    static ChunkPlan of(long simulations, int chunkSize) {
        long chunks = (simulations + chunkSize - 1) / chunkSize;
        if (chunks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many chunks: " + chunks);
        }
        return new ChunkPlan(simulations, chunkSize, (int) chunks);
    }

    ChunkMessage chunk(UUID jobId, int index) {
        long firstGame = (long) index * chunkSize;
        return new ChunkMessage(jobId, index, firstGame, (int) Math.min(chunkSize, simulations - firstGame));
    }

    /** The messages of every chunk not in {@code done}. */
    List<ChunkMessage> messages(UUID jobId, Set<Integer> done) {
        List<ChunkMessage> messages = new ArrayList<>(chunks - done.size());
        for (int i = 0; i < chunks; i++) {
            if (!done.contains(i)) {
                messages.add(chunk(jobId, i));
            }
        }
        return messages;
    }
}
