package io.tipoff.api.job;

import io.tipoff.model.JobStatus;
import java.util.UUID;

/**
 * How far a job got: the data of each event of {@code GET /api/v1/jobs/{id}/events} (the same fields as in the job
 * view). Two readings are equal when nothing a client shows has changed.
 */
public record JobProgress(UUID id, JobStatus status, long simulations, long simulationsCompleted, int chunks,
                   int chunksCompleted, double progress, String error) {

    /** The event's name: {@code progress} while the job runs, then {@code completed}, {@code failed} or {@code cancelled}. */
    public String event() {
        return status.isFinal() ? status.name().toLowerCase(java.util.Locale.ROOT) : "progress";
    }
}
