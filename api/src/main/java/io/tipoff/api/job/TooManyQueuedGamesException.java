package io.tipoff.api.job;

/**
 * A submission that would leave its key more games to play than {@code tipoff.jobs.max-queued-games-per-key}: 429
 * with the limit, what the key has queued, and what the job asked for.
 */
public class TooManyQueuedGamesException extends RuntimeException {

    private final long limit;
    private final long queued;
    private final long requested;

    TooManyQueuedGamesException(String caller, long limit, long queued, long requested) {
        super(caller + " has " + queued + " games still to play; this job's " + requested + " would pass the most "
                + "allowed per API key (tipoff.jobs.max-queued-games-per-key is " + limit + "); wait for jobs to "
                + "finish or cancel one");
        this.limit = limit;
        this.queued = queued;
        this.requested = requested;
    }

    public long limit() {
        return limit;
    }

    public long queued() {
        return queued;
    }

    public long requested() {
        return requested;
    }
}
