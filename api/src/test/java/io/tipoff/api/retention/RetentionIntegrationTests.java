package io.tipoff.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the retention round removes and what it keeps, against real PostgreSQL; and that one round runs at a time
 * across api instances. Rounds are run directly, as of a chosen time (the schedule is left at its 10 minutes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class RetentionIntegrationTests {

    private static TestServices.Environment services;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services = TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    private Http http;

    @BeforeEach
    void emptySystem() {
        http = new Http(port);
        jdbc.sql(TestServices.DELETE_JOBS).update();
    }

    /** A job accepted through the api, then marked as the test needs, with one stored chunk. */
    private UUID job(String status, Instant finished, boolean withResult, String idempotencyKey) {
        UUID id = UUID.fromString(Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L),
                "Idempotency-Key", idempotencyKey)).get("id").asString());
        jdbc.sql("delete from chunk_outbox where job_id = :id").param("id", id).update();
        jdbc.sql("update jobs set status = :status, completed_at = :finished where id = :id")
                .param("status", status).param("finished", finished == null ? null : Timestamp.from(finished))
                .param("id", id).update();
        jdbc.sql("""
                        insert into chunk_results (job_id, chunk_index, first_game, games, aggregate, worker, elapsed_ms,
                                                   created_at)
                        values (:id, 0, 0, 1000, '{}', 'test', 1, :created)""")
                .param("id", id).param("created", Timestamp.from(finished == null ? Instant.now() : finished))
                .update();
        if (withResult) {
            jdbc.sql("insert into job_results (job_id, result, aggregate) values (:id, '{}', '{}')")
                    .param("id", id).update();
        }
        jdbc.sql("update idempotency_keys set created_at = :created where job_id = :id")
                .param("created", Timestamp.from(finished == null ? Instant.now() : finished)).param("id", id)
                .update();
        return id;
    }

    private long chunkRows(UUID job) {
        return jdbc.sql("select count(*) from chunk_results where job_id = :id").param("id", job)
                .query(Long.class).single();
    }

    @Test
    void removesOldKeysAndTheChunksOfLongFinishedJobsButNeverAResultOrAnUnfinishedJob() {
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(8));
        UUID oldCompleted = job("COMPLETED", longAgo, true, "k1");
        UUID oldFailed = job("FAILED", longAgo, false, "k2");
        UUID oldNotReduced = job("COMPLETED", longAgo, false, "k3");
        UUID recent = job("COMPLETED", now.minus(Duration.ofDays(1)), true, "k4");
        UUID running = job("RUNNING", null, false, "k5");

        Retention.Removed removed = retention.round(now);

        assertThat(removed).isEqualTo(new Retention.Removed(3, 2));
        assertThat(chunkRows(oldCompleted)).isZero();
        assertThat(chunkRows(oldFailed)).isZero();
        assertThat(chunkRows(oldNotReduced)).as("not reduced yet").isOne();
        assertThat(chunkRows(recent)).isOne();
        assertThat(chunkRows(running)).isOne();
        assertThat(jdbc.sql("select count(*) from job_results").query(Long.class).single()).isEqualTo(2);
        assertThat(http.get("/api/v1/jobs/" + oldCompleted).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select key from idempotency_keys order by key").query(String.class).list())
                .containsExactly("k4", "k5");
    }

    @Test
    void aRoundIsSkippedWhileAnotherInstanceRunsOne() throws Exception {
        UUID old = job("COMPLETED", Instant.now().minus(Duration.ofDays(8)), true, "k1");
        try (Connection other = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(),
                services.dbPassword()); Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x7469_706f + ", " + 0x0072_6574 + ")");

            assertThat(retention.round(Instant.now())).isNull();
            assertThat(chunkRows(old)).isOne();
            // Released now, not whenever the server gets round to ending the closed session.
            statement.execute("select pg_advisory_unlock(" + 0x7469_706f + ", " + 0x0072_6574 + ")");
        }
        assertThat(retention.round(Instant.now())).isEqualTo(new Retention.Removed(1, 1));
    }

    @Test
    void anOwnerDeletesAJobWithEverythingStoredOfIt() {
        UUID id = job("COMPLETED", Instant.now(), true, "k1");
        UUID queued = UUID.fromString(Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 2L)))
                .get("id").asString());

        assertThat(http.delete("/api/v1/jobs/" + id + "?purge=true").statusCode()).isEqualTo(204);
        assertThat(http.delete("/api/v1/jobs/" + queued + "?purge=true").statusCode()).isEqualTo(204);

        assertThat(http.get("/api/v1/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(http.delete("/api/v1/jobs/" + id + "?purge=true").statusCode()).isEqualTo(404);
        for (String table : new String[] {"jobs", "chunk_results", "job_results", "idempotency_keys",
                "chunk_outbox"}) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
        }
    }
}
