package io.tipoff.api.result;

import io.tipoff.model.JobStatus;
import java.util.UUID;

/** The job exists but has no result (yet); answered with 409 and the job's status. */
public class ResultNotReadyException extends RuntimeException {

    private final JobStatus status;

    public ResultNotReadyException(UUID id, JobStatus status) {
        super("job " + id + " is " + status + (status.isFinal() ? " and has no result" : "; its result is not ready"));
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }
}
