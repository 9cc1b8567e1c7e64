package io.tipoff.api.job;

/** A submission beyond {@code tipoff.jobs.max-running-per-key}: 429 with the limit and the submitter's count. */
public class TooManyRunningJobsException extends RuntimeException {

    private final int limit;
    private final long running;

    TooManyRunningJobsException(String caller, int limit, long running) {
        super(caller + " has " + running + " jobs queued or running, the most allowed per API key "
                + "(tipoff.jobs.max-running-per-key is " + limit + "); wait for one to finish or cancel one");
        this.limit = limit;
        this.running = running;
    }

    public int limit() {
        return limit;
    }

    public long running() {
        return running;
    }
}
