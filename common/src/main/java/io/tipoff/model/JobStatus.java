package io.tipoff.model;

/** A job's life: QUEUED until a worker starts a chunk, RUNNING until the last chunk is reduced. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
