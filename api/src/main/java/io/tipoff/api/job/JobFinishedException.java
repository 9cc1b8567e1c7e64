package io.tipoff.api.job;

import io.tipoff.model.JobStatus;
import java.util.UUID;

/** A change asked of a job that has already finished (cancelling a completed job): answered with 409. */
public class JobFinishedException extends RuntimeException {

    private final JobStatus status;

    public JobFinishedException(UUID id, JobStatus status) {
        super("job " + id + " is already " + status);
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }
}
