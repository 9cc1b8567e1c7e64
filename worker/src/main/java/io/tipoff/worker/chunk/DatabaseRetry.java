package io.tipoff.worker.chunk;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs a database step again, with growing pauses, while the database is unreachable or answers with a transient
 * error (a restart, a failover, a serialization conflict), keeping the chunk in hand meanwhile so that its simulation is
 * not thrown away. Gives up after {@code retryFor}; any other error goes straight to the caller.
 */
final class DatabaseRetry {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    private final Duration retryFor;

    DatabaseRetry(Duration retryFor) {
        this.retryFor = retryFor;
    }

    <T> T retrying(Supplier<T> step) throws InterruptedException {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new DatabaseUnavailableException(e);
                }
                if (attempt == 1) {
                    log.warn("Database unavailable, retrying for up to {}: {}", retryFor, e.toString());
                }
                Thread.sleep(pause);
                pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    void retrying(Runnable step) throws InterruptedException {
        retrying(() -> {
            step.run();
            return null;
        });
    }

    /**
     * A database that restarts ends its sessions: a statement fails, and so may the rollback after it (a
     * {@link TransactionSystemException}) or the commit, which may even have gone through. Trying the step again is
     * safe either way: storing a chunk twice stores it once.
     */
    static boolean isTransient(Throwable e) {
        return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
                || e instanceof TransactionSystemException;
    }
}
