package io.tipoff.worker.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition rather than for a fixed time. Deadlines are generous: the machine may be shared with other
 * builds, and a JVM that starts in 10 s on a quiet machine has been seen to take two minutes.
 */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, Duration.ofMillis(250), condition);
    }

    /** Checks every {@code poll}: a condition that runs a command line tool costs a core for a second or so. */
    static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            sleep(poll);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
