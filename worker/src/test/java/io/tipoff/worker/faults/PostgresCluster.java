package io.tipoff.worker.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL cluster of the suite's own ({@code initdb} and {@code pg_ctl} of the installed server, data under the
 * suite's directory, a port of its own), so that restarting it never touches the machine's database server. As root,
 * the server runs as the {@code postgres} user, which PostgreSQL requires, and its directory is in the temporary folder
 * ({@link #home}): the {@code postgres} user may not be let through the directories of a checkout.
 */
final class PostgresCluster {

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private PostgresCluster(Path dir) {
        this.dir = dir;
        this.bin = findBin();
        this.port = Ports.free();
        this.asPostgresUser = asRoot();
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Where the cluster meant for {@code dir} lives: there, or as root in a temporary folder named after it. */
    static Path home(Path dir) {
        String name = "tipoff-faults-postgres-" + Integer.toHexString(dir.hashCode());
        return asRoot() ? Path.of(System.getProperty("java.io.tmpdir"), name) : dir;
    }

    Path log() {
        return dir.resolve("postgres.log");
    }

    static PostgresCluster start(Path dir) {
        try {
            Files.createDirectories(dir);
            PostgresCluster cluster = new PostgresCluster(dir);
            if (cluster.asPostgresUser) {
                List<String> chown = List.of("chown", "-R", "postgres", dir.toString());
                Command.run(chown, Map.of()).orThrow(chown);
            }
            cluster.run("initdb", "-D", cluster.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
            cluster.start();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest server installed ({@code pg_config --bindir} names the client's, which may be older). */
    private static Path findBin() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                return installed.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max((a, b) -> Integer.compare(major(a), major(b)))
                        .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + versions));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> pgConfig = List.of("pg_config", "--bindir");
        return Path.of(Command.run(pgConfig, Map.of()).orThrow(pgConfig).output().trim());
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int port() {
        return port;
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        run("pg_ctl", "-D", data(), "-l", log().toString(), "-w", "-t", "240", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
                        + " -c max_connections=200",
                "start");
        running = true;
    }

    /** A fast shutdown: open sessions are ended, their transactions rolled back, as in a restart of the server. */
    synchronized void stop() {
        if (running) {
            run("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "240", "stop");
            running = false;
        }
    }

    private void run(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        Command.run(command, Map.of()).orThrow(command);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that opens a connection per statement, so that a restart of the server leaves nothing stale. */
    JdbcClient client(String database) {
        return JdbcClient.create(new DriverManagerDataSource(url(database), "postgres", ""));
    }
}
