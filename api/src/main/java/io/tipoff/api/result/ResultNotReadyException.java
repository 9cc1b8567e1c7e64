package io.tipoff.api.result;

import io.tipoff.api.web.Problems;
import io.tipoff.model.JobStatus;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The job exists but has no result (yet); answered with 409 and the job's status. */
public class ResultNotReadyException extends ErrorResponseException {

    public ResultNotReadyException(UUID id, JobStatus status) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Result not available", "job " + id + " is "
                + status + (status.isFinal() ? " and has no result" : "; its result is not ready")), null);
        getBody().setProperty("jobStatus", status);
    }
}
