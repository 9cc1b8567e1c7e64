package io.tipoff.worker.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The suite's world, one per test JVM: a private RabbitMQ node and a private PostgreSQL cluster (started once,
 * stopped when the JVM exits), the built jars, the undisturbed reference result, and the report. Everything lives
 * under {@code target/faults} (the property {@code faults.dir}), logs included.
 */
final class FaultLab {

    private static FaultLab instance;

    final Path dir;
    final Path apiJar;
    final Path workerJar;
    final RabbitNode rabbit;
    final PostgresCluster postgres;
    /** The api and workers the scenarios share. */
    final TipoffSystem system;
    private final Map<Integer, Outcome> outcomes = new TreeMap<>();
    private final String reference;
    private double referenceSeconds;

    private FaultLab() {
        dir = Path.of(System.getProperty("faults.dir", "target/faults")).toAbsolutePath();
        String version = System.getProperty("tipoff.version", "0.1.0-SNAPSHOT");
        apiJar = jar("tipoff.api.jar", "../api/target/tipoff-api-" + version + "-exec.jar");
        workerJar = jar("tipoff.worker.jar", "target/tipoff-worker-" + version + ".jar");
        Path postgresHome = PostgresCluster.home(dir.resolve("postgres"));
        stopLeftovers(dir, postgresHome);
        deleteRecursively(dir);
        deleteRecursively(postgresHome);
        Instant start = Instant.now();
        rabbit = RabbitNode.start(dir.resolve("rabbitmq"));
        postgres = PostgresCluster.start(postgresHome);
        System.out.printf("faults: private RabbitMQ on port %d and PostgreSQL on port %d, up in %.1f s%n",
                rabbit.port(), postgres.port(), seconds(start, Instant.now()));
        system = new TipoffSystem(this, "tipoff");
        reference = playUndisturbed();
    }

    /**
     * The scenarios' job played without any fault, on the suite's api and two workers just started: what every
     * disturbed run must reproduce byte for byte.
     */
    private String playUndisturbed() {
        system.ensureReady();
        Instant start = Instant.now();
        String id = system.submit();
        system.awaitStatus(id, "COMPLETED");
        referenceSeconds = seconds(start, Instant.now());
        System.out.printf("faults: undisturbed reference job of %d chunks in %.1f s on %d workers%n",
                TipoffSystem.CHUNKS, referenceSeconds, TipoffSystem.WORKERS);
        return system.result(id);
    }

    static synchronized FaultLab get() {
        if (instance == null) {
            instance = new FaultLab();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "faults-lab-stop"));
        }
        return instance;
    }

    private static Path jar(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not built: run the suite through Maven (./mvnw -Pfaults verify)");
        }
        return jar;
    }

    String reference() {
        return reference;
    }

    synchronized void report(Outcome outcome) {
        outcomes.put(outcome.number(), outcome);
        System.out.println(outcome.line());
        List<String> markdown = new ArrayList<>();
        markdown.add("Undisturbed reference job: " + TipoffSystem.CHUNKS + " chunks of " + TipoffSystem.CHUNK_SIZE
                + " games in " + String.format(java.util.Locale.ROOT, "%.1f", referenceSeconds) + " s");
        markdown.add("");
        markdown.add("| # | scenario | injected by | chunks | lost | double-counted | identical | status set once"
                + " | dead letters / expected | played again | recovery | notes |");
        markdown.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        outcomes.values().forEach(o -> markdown.add(o.markdownRow()));
        try {
            Files.write(dir.resolve("summary.md"), markdown);
            Files.write(dir.resolve("summary.txt"), outcomes.values().stream().map(Outcome::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private void stop() {
        System.out.println("faults: stopping; logs and the report are in " + dir + ", PostgreSQL's log is "
                + postgres.log());
        TipoffProcess.destroyAll();
        try {
            rabbit.stop();
        } catch (RuntimeException e) {
            System.err.println("faults: could not stop the private RabbitMQ: " + e);
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            System.err.println("faults: could not stop the private PostgreSQL: " + e);
        }
    }

    /**
     * A run killed outright (no shutdown hook) leaves its RabbitMQ node and PostgreSQL server running: end them, by
     * the process ids they wrote in their directories, before their files go.
     */
    private static void stopLeftovers(Path dir, Path postgresHome) {
        Map<Path, Path> pidFiles = Map.of(dir.resolve("rabbitmq/rabbitmq.pid"), dir,
                postgresHome.resolve("data/postmaster.pid"), postgresHome);
        for (var entry : pidFiles.entrySet()) {
            Path pidFile = entry.getKey();
            try {
                if (Files.isRegularFile(pidFile)) {
                    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                    ProcessHandle.of(pid)
                            .filter(process -> process.info().commandLine().orElse("")
                                    .contains(entry.getValue().toString()))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("faults: could not check " + pidFile + ": " + e);
            }
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
