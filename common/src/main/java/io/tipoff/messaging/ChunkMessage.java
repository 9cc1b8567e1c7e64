package io.tipoff.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * A unit of work on the chunk queue: play games {@code firstGame … firstGame + games − 1} of a job. The job's teams,
 * seed and settings live in its database row; the message only points at the work, so it stays small and any worker
 * can pick it up.
 */
public record ChunkMessage(UUID jobId, int chunkIndex, long firstGame, int games) {

    public ChunkMessage {
        Objects.requireNonNull(jobId, "jobId");
        if (chunkIndex < 0 || firstGame < 0 || games < 1) {
            throw new IllegalArgumentException("invalid chunk " + chunkIndex + " [" + firstGame + ", +" + games + ")");
        }
    }
}
