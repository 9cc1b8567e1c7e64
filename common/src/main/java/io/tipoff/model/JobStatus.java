package io.tipoff.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A job's life, and the one place its moves are defined (api and worker alike):
 * <pre>
 *   QUEUED ──► RUNNING ──► COMPLETED
 *     │           │
 *     └───────────┴──► FAILED, CANCELLED
 * </pre>
 * QUEUED until a worker starts a chunk, RUNNING until the counted chunks are reduced into the result. A final status
 * is set once. SQL names the open statuses through {@link #OPEN_NAMES} rather than repeating the strings.
 */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** Still to be worked on: chunks may be dispatched, played and counted. */
    public static final Set<JobStatus> OPEN = EnumSet.of(QUEUED, RUNNING);

    /** {@link #OPEN} as the strings stored in {@code jobs.status}, for {@code status in (:open)}. */
    public static final List<String> OPEN_NAMES = OPEN.stream().map(Enum::name).toList();

    public boolean isFinal() {
        return !OPEN.contains(this);
    }

    /** Whether a job in this status may move to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case QUEUED -> next != QUEUED;
            case RUNNING -> next.isFinal();
            case COMPLETED, FAILED, CANCELLED -> false;
        };
    }

    /** The statuses a job may move to {@code next} from, for {@code status in (:from)} in an update. */
    public static List<String> namesMovableTo(JobStatus next) {
        return EnumSet.allOf(JobStatus.class).stream().filter(s -> s.canMoveTo(next)).map(Enum::name).toList();
    }
}
