package io.tipoff.worker.faults;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine (a service's control tool, kill) to its end and returns what it printed. */
final class Command {

    private Command() {
    }

    record Result(int exitCode, String output) {

        Result orThrow(List<String> command) {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ":\n"
                        + output);
            }
            return this;
        }
    }

    static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            File output = File.createTempFile("tipoff-faults-command", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output);
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(output.toPath(), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output.toPath());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command, Map<String, String> environment) {
        return run(command, environment, Duration.ofMinutes(3));
    }

    /** Sends a signal to a process ({@code STOP}, {@code CONT}, …). */
    static void signal(long pid, String signal) {
        List<String> command = List.of("kill", "-" + signal, Long.toString(pid));
        run(command, Map.of(), Duration.ofSeconds(30)).orThrow(command);
    }

    /** The first of these places that exists: tools live in different places on different systems. */
    static Path firstExisting(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("none of " + List.of(candidates) + " is installed");
    }
}
