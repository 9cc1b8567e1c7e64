package io.tipoff.worker.config;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker that runs out of memory exits at once, so that its orchestrator starts a fresh one and the broker hands its
 * unacknowledged chunks to another worker. Left running, an {@code OutOfMemoryError} leaves a JVM that spins in garbage
 * collection, fails its health checks, ignores SIGTERM and keeps its chunks unacknowledged: the job stays RUNNING.
 *
 * <p>The launchers ({@code bin/tipoff}, the Dockerfile, the Kubernetes manifest, the systemd unit) start the JVM with
 * {@code -XX:+ExitOnOutOfMemoryError}, which exits on the first one wherever it is thrown. This is the fallback for a
 * JVM started without it: an {@code OutOfMemoryError} that ends a thread halts the process, and start-up warns.
 */
public final class OutOfMemoryExit {

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryExit.class);

    /** The exit status of a halt for want of memory (as the JVM's own: 3). */
    static final int STATUS = 3;

    private OutOfMemoryExit() {
    }

    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                // No logging framework, no shutdown hooks: they may need the memory there is none of.
                System.err.println("Out of memory in " + thread.getName() + ": halting so that the worker is restarted");
                Runtime.getRuntime().halt(STATUS);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace();
            }
        });
        boolean exits = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.equals("-XX:+ExitOnOutOfMemoryError") || arg.equals("-XX:+CrashOnOutOfMemoryError"));
        if (!exits) {
            log.warn("This JVM was started without -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError caught inside a "
                    + "library would leave this worker running without memory. Start it with the flag (bin/tipoff, "
                    + "the Dockerfile and the manifests do).");
        }
    }
}
