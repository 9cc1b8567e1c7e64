package io.tipoff.api.job;

import io.tipoff.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A submission that would leave its key more games to play than {@code tipoff.jobs.max-queued-games-per-key}: 429
 * with the limit, what the key has queued, and what the job asked for.
 */
public class TooManyQueuedGamesException extends ErrorResponseException {

    TooManyQueuedGamesException(String caller, long limit, long queued, long requested) {
        super(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many games queued",
                caller + " has " + queued + " games still to play; this job's " + requested + " would pass the most "
                        + "allowed per API key (tipoff.jobs.max-queued-games-per-key is " + limit + "); wait for "
                        + "jobs to finish or cancel one"), null);
        getBody().setProperty("limit", limit);
        getBody().setProperty("queued", queued);
        getBody().setProperty("requested", requested);
    }
}
