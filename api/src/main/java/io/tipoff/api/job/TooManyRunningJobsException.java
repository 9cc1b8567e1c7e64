package io.tipoff.api.job;

import io.tipoff.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A submission beyond {@code tipoff.jobs.max-running-per-key}: 429 with the limit and the submitter's count. */
public class TooManyRunningJobsException extends ErrorResponseException {

    TooManyRunningJobsException(String caller, int limit, long running) {
        super(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many running jobs",
                caller + " has " + running + " jobs queued or running, the most allowed per API key "
                        + "(tipoff.jobs.max-running-per-key is " + limit + "); wait for one to finish or cancel one"),
                null);
        getBody().setProperty("limit", limit);
        getBody().setProperty("running", running);
    }
}
