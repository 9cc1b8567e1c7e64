package io.tipoff.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The real PostgreSQL and RabbitMQ that integration tests talk to: Testcontainers where a Docker engine answers, the
 * running services otherwise (configured by {@code TIPOFF_TEST_*} environment variables, defaulting to localhost).
 * Tests are never skipped for want of Docker.
 *
 * <p>Every {@link #newEnvironment()} is isolated: its own freshly created database and its own prefix for exchange and
 * queue names, all removed when the test JVM exits, so test runs never see each other's rows or messages.
 */
public final class TestServices {

    /** Where the services come from: {@code docker}, {@code local} or {@code auto} (the default: docker if present). */
    private static final String MODE = env("TIPOFF_TEST_SERVICES", "auto");

    private static Server postgres;
    private static Server rabbit;
    private static final List<Environment> created = new ArrayList<>();

    private TestServices() {
    }

    /** Connection details of one service. */
    private record Server(String host, int port, String user, String password, String adminDatabase) {
    }

    /**
     * One isolated environment.
     *
     * @param jdbcUrl  URL of a database created for it
     * @param prefix   prefix of its exchange and queue names
     */
    public record Environment(String jdbcUrl, String dbUser, String dbPassword, String rabbitHost, int rabbitPort,
                              String rabbitUser, String rabbitPassword, String prefix) {

        /** The Spring properties that point an api or a worker at this environment. */
        public Map<String, Object> springProperties() {
            return Map.of(
                    "spring.datasource.url", jdbcUrl,
                    "spring.datasource.username", dbUser,
                    "spring.datasource.password", dbPassword,
                    // Spring keeps every test class's context open: a pool that opens connections only as it needs
                    // them keeps a suite of a dozen contexts under PostgreSQL's 100 connections.
                    "spring.datasource.hikari.minimum-idle", 1,
                    "spring.rabbitmq.host", rabbitHost,
                    "spring.rabbitmq.port", rabbitPort,
                    "spring.rabbitmq.username", rabbitUser,
                    "spring.rabbitmq.password", rabbitPassword,
                    "tipoff.messaging.prefix", prefix);
        }

        public String chunkQueue() {
            return prefix + ".chunks";
        }

        /** The interactive lane's queue: one-chunk jobs travel on it. */
        public String interactiveQueue() {
            return prefix + ".chunks.interactive";
        }

        public String deadLetterQueue() {
            return prefix + ".chunks.dead";
        }

        /** Runs {@code work} on a channel of this environment's broker. */
        public <T> T withChannel(ChannelWork<T> work) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(rabbitHost);
            factory.setPort(rabbitPort);
            factory.setUsername(rabbitUser);
            factory.setPassword(rabbitPassword);
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                return work.apply(channel);
            } catch (Exception e) {
                throw new IllegalStateException("RabbitMQ at " + rabbitHost + ":" + rabbitPort + ": " + e, e);
            }
        }

        /**
         * Publishes a message to the chunk exchange the way any client could (plain JSON, no Spring type headers),
         * and waits for the broker's confirm.
         */
        public void publishChunk(String json) {
            withChannel(channel -> {
                channel.confirmSelect();
                channel.basicPublish(prefix, "chunk",
                        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                        json.getBytes(StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(5_000);
                return null;
            });
        }

        /** Messages ready in a queue. */
        public long messageCount(String queue) {
            return withChannel(channel -> channel.messageCount(queue));
        }

        /**
         * Waits for a queue to hold {@code count} messages (published after a commit, on another thread); returns how
         * many it holds then.
         */
        public long awaitMessageCount(String queue, long count) {
            return Waits.until(count + " messages in " + queue, Duration.ofSeconds(30), () -> messageCount(queue),
                    ready -> ready >= count);
        }
    }

    @FunctionalInterface
    public interface ChannelWork<T> {
        T apply(Channel channel) throws Exception;
    }

    /** Registers a new isolated environment's properties with a Spring test context. */
    public static Environment register(DynamicPropertyRegistry registry) {
        Environment environment = newEnvironment();
        environment.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        return environment;
    }

    /**
     * A new isolated environment whose database holds the schema, migrated as the api does when it starts: a worker
     * started alone on it (which never migrates) finds what it needs.
     */
    public static Environment newEnvironment() {
        Environment environment = newEmptyEnvironment();
        Flyway.configure().dataSource(environment.jdbcUrl(), environment.dbUser(), environment.dbPassword()).load()
                .migrate();
        return environment;
    }

    /** A new isolated environment whose database is empty, as before the api's first start. */
    public static synchronized Environment newEmptyEnvironment() {
        start();
        String name = "tipoff_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (var connection = DriverManager.getConnection(url(postgres.adminDatabase()), postgres.user(),
                postgres.password()); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgres.host() + ":" + postgres.port()
                    + " (set TIPOFF_TEST_DB_HOST/PORT/USER/PASSWORD): " + e.getMessage(), e);
        }
        Environment environment = new Environment(url(name), postgres.user(), postgres.password(), rabbit.host(),
                rabbit.port(), rabbit.user(), rabbit.password(), name.replace('_', '-'));
        created.add(environment);
        return environment;
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database;
    }

    private static void start() {
        if (postgres != null) {
            return;
        }
        boolean docker = switch (MODE) {
            case "docker" -> true;
            case "local" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
        if (docker) {
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15-alpine");
            RabbitMQContainer mq = new RabbitMQContainer("rabbitmq:3.13-management-alpine");
            pg.start();
            mq.start();
            postgres = new Server(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword(),
                    pg.getDatabaseName());
            rabbit = new Server(mq.getHost(), mq.getAmqpPort(), mq.getAdminUsername(), mq.getAdminPassword(), null);
        } else {
            postgres = new Server(env("TIPOFF_TEST_DB_HOST", "localhost"),
                    Integer.parseInt(env("TIPOFF_TEST_DB_PORT", "5432")), env("TIPOFF_TEST_DB_USER", "postgres"),
                    env("TIPOFF_TEST_DB_PASSWORD", ""), "postgres");
            rabbit = new Server(env("TIPOFF_TEST_RABBIT_HOST", "localhost"),
                    Integer.parseInt(env("TIPOFF_TEST_RABBIT_PORT", "5672")), env("TIPOFF_TEST_RABBIT_USER", "guest"),
                    env("TIPOFF_TEST_RABBIT_PASSWORD", "guest"), null);
            Runtime.getRuntime().addShutdownHook(new Thread(TestServices::cleanUp, "test-services-cleanup"));
        }
    }

    /**
     * Deletes every job, in one statement under the dispatch lock (the first half is the api's {@code ChunkOutbox}
     * lock class), outbox rows first: the dispatcher and the relay take those before their job, and so must a clean-up,
     * or it deadlocks with them.
     */
    public static final String DELETE_JOBS = """
            do $$ begin
                perform pg_advisory_xact_lock(1953067108, 0);
                delete from chunk_outbox;
                delete from jobs;
            end $$""";

    /** Drops the databases and deletes the queues and exchanges this run created on the shared services. */
    private static synchronized void cleanUp() {
        for (Environment environment : created) {
            try (var connection = DriverManager.getConnection(url(postgres.adminDatabase()), postgres.user(),
                    postgres.password()); var statement = connection.createStatement()) {
                String database = environment.jdbcUrl().substring(environment.jdbcUrl().lastIndexOf('/') + 1);
                statement.execute("drop database if exists " + database + " with (force)");
            } catch (SQLException | RuntimeException e) {
                System.err.println("could not drop test database: " + e.getMessage());
            }
            try {
                environment.withChannel(channel -> {
                    channel.queueDelete(environment.chunkQueue());
                    channel.queueDelete(environment.interactiveQueue());
                    channel.queueDelete(environment.deadLetterQueue());
                    channel.exchangeDelete(environment.prefix());
                    channel.exchangeDelete(environment.prefix() + ".dead");
                    return null;
                });
            } catch (RuntimeException e) {
                System.err.println("could not delete test queues: " + e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
