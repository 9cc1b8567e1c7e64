package io.tipoff.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait: for a named condition, never for a fixed time. Deadlines are generous, since the machine may
 * be shared with other builds (a JVM that starts in 10 s on a quiet machine has been seen to take two minutes); a
 * deadline only bounds a failing test, a passing one goes on as soon as its condition holds.
 *
 * <p>Without a {@code poll} the condition is checked at once, then after 10 ms, the pause doubling up to 100 ms: a
 * condition met quickly is seen quickly, a long wait costs ten checks a second. With one it is checked every
 * {@code poll}, for conditions that are dear to check (one that runs a command line tool costs a core for a second).
 */
public final class Waits {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        poll(what, timeout, FIRST_PAUSE, LONGEST_PAUSE, condition::getAsBoolean, done -> done, false);
    }

    /** Checks every {@code poll}. */
    public static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        poll(what, timeout, poll, poll, condition::getAsBoolean, done -> done, false);
    }

    /**
     * Reads {@code probe} until its value passes {@code done}, and returns that value; a timeout names the last value
     * read, so that a failure shows how far things got.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        return poll(what, timeout, FIRST_PAUSE, LONGEST_PAUSE, probe, done, true);
    }

    private static <T> T poll(String what, Duration timeout, Duration firstPause, Duration longestPause,
                              Supplier<T> probe, Predicate<? super T> done, boolean showLast) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = firstPause;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + (showLast ? "; last seen:\n" + value : ""));
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    /**
     * A pause that is itself the point: how long a fault lasts, or a pacing step. To wait for something to happen,
     * use {@code until}.
     */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
