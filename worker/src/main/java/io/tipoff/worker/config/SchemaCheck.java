package io.tipoff.worker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The schema belongs to the api: it runs the Flyway migrations, and a worker needs no right to change the schema. A
 * starting worker checks that the database is at the newest migration it was built with (the {@code V<n>__*.sql} of
 * {@code common} on its class path), before it takes a chunk. While the database is behind (the api not started yet,
 * or still migrating) it waits for {@code tipoff.worker.schema-wait}, saying so, then stops with a message that names
 * both versions. A database ahead of the worker (a newer api) is accepted: migrations add, they do not take away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchemaCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchemaCheck.class);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Duration wait;
    private String unreadable = "";

    SchemaCheck(JdbcClient jdbc, WorkerProperties properties) {
        this.jdbc = jdbc;
        this.wait = properties.worker().schemaWait();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        int needed = required();
        long deadline = System.nanoTime() + wait.toNanos();
        int found = current();
        if (found < needed) {
            log.warn("The database schema is at version {}, this worker needs {}: waiting up to {} for the api to "
                    + "migrate it", found, needed, wait);
        }
        while (found < needed && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            found = current();
        }
        if (found < needed) {
            throw new IllegalStateException("The database schema is at version " + found + " but this worker needs "
                    + needed + ". The api migrates the schema when it starts: start (or upgrade) the api first."
                    + unreadable);
        }
        log.info("Database schema at version {} (this worker needs {})", found, needed);
    }

    /** The newest migration this worker was built with. */
    static int required() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql"))
                    .map(resource -> MIGRATION.matcher(String.valueOf(resource.getFilename())))
                    .filter(Matcher::matches)
                    .mapToInt(migration -> Integer.parseInt(migration.group(1)))
                    .max()
                    .orElseThrow(() -> new IllegalStateException("no migrations on the class path"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest migration applied to the database; 0 when none is (no history table yet). */
    private int current() {
        try {
            unreadable = "";
            return jdbc.sql("""
                            select coalesce(max(version::int), 0) from flyway_schema_history
                            where success and version is not null""")
                    .query(Integer.class).single();
        } catch (DataAccessException e) {
            unreadable = " (The schema's history could not be read: " + e.getMostSpecificCause().getMessage() + ")";
            return 0;
        }
    }
}
