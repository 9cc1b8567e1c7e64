package io.tipoff.api.job;

import io.tipoff.api.web.Problems;
import io.tipoff.model.JobStatus;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A change asked of a job that has already finished (cancelling a completed job): answered with 409. */
public class JobFinishedException extends ErrorResponseException {

    public JobFinishedException(UUID id, JobStatus status) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Job already finished",
                "job " + id + " is already " + status), null);
        getBody().setProperty("jobStatus", status);
    }
}
