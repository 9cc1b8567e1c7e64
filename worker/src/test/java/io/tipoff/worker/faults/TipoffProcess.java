package io.tipoff.worker.faults;

import io.tipoff.testing.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An api or worker as an operating-system process, started from its built jar as {@code bin/tipoff up} starts it,
 * with its output in a log file: something to kill -9, stop, resume or terminate.
 */
final class TipoffProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process started, so that none outlives the suite (a child process survives its parent's exit). */
    private static final Set<TipoffProcess> STARTED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final Instant startedAt = Instant.now();

    private TipoffProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static TipoffProcess start(String name, Path jar, Path log, int port, List<String> jvmOptions,
                               List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            TipoffProcess started = new TipoffProcess(name, process, log, port);
            STARTED.add(started);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The prefix of the names of this process's RabbitMQ connections (its ConnectionNameStrategy). */
    String connectionNamePrefix(String kind) {
        return kind + " " + pid() + "@";
    }

    void awaitHealthy(Duration timeout) {
        Waits.until(name + " healthy on port " + port, timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; its log ends:\n"
                        + tail(40));
            }
            return healthy();
        });
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is acknowledged or handed back by the process itself. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofMinutes(1));
    }

    /** {@code kill -TERM} (what an orchestrator sends first); returns at once. */
    void terminate() {
        process.destroy();
    }

    void freeze() {
        Command.signal(pid(), "STOP");
    }

    void resume() {
        Command.signal(pid(), "CONT");
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running " + timeout + " after it was asked to stop");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    String tail(int lines) {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void destroyAll() {
        STARTED.forEach(TipoffProcess::destroy);
    }

    /** Leaves nothing running behind the suite, whatever happened to it. */
    void destroy() {
        if (process.isAlive()) {
            try {
                resume();
            } catch (RuntimeException ignored) {
                // it may have exited meanwhile
            }
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
