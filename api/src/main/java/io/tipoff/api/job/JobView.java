package io.tipoff.api.job;

import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import java.time.Instant;
import java.util.UUID;

/** A job as {@code GET /api/v1/jobs/{id}} shows it: what was asked, how far it got, when. */
public record JobView(UUID id, JobType type, JobStatus status, long simulations, long simulationsCompleted,
                      int chunks, int chunksCompleted, int chunkSize, long seed, double progress, Instant createdAt,
                      Instant startedAt, Instant completedAt, String error) {
}
