package io.tipoff.worker;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition rather than for a fixed time. Deadlines are generous: the machine may be shared with other
 * builds, and a JVM that starts in 10 s on a quiet machine has been seen to take two minutes.
 */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, Duration.ofMillis(250), condition);
    }

    /** Checks every {@code poll}: a condition that runs a command line tool costs a core for a second or so. */
    public static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            sleep(poll);
        }
    }

    public static void sleep(Duration duration) {
        sleep(duration.toMillis());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
