package io.tipoff.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An api with two API keys, one given in the clear (alice) and one as its SHA-256 (bob), reads public, at most two
 * unfinished jobs per key; against real PostgreSQL and RabbitMQ, with no worker consuming the chunks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.security.api-keys=" + AccessIntegrationTests.ALICE + "," + AccessIntegrationTests.BOB,
        "tipoff.jobs.max-running-per-key=2"})
class AccessIntegrationTests {

    static final String ALICE_KEY = "alice-key-0123456789abcdef";
    static final String ALICE = "alice:" + ALICE_KEY;
    static final String BOB_KEY = "bob-key-0123456789abcdef";
    /** SHA-256 of {@link #BOB_KEY}: the key itself is not in the configuration. */
    static final String BOB = "bob:sha256:cfffcf49d8b485b308f1bbeedaf9a2cea8a07d01d1a6bb29d07e5fafd4c89a71";

    private static TestServices.Environment services;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services = TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http anonymous;
    Http alice;
    Http bob;

    @BeforeEach
    void emptySystem() {
        anonymous = new Http(port);
        alice = anonymous.withHeader("X-API-Key", ALICE_KEY);
        bob = anonymous.withHeader("X-API-Key", BOB_KEY);
        jdbc.sql(TestServices.DELETE_JOBS).update();
        services.withChannel(channel -> channel.queuePurge(services.chunkQueue()));
        services.withChannel(channel -> channel.queuePurge(services.interactiveQueue()));
    }

    private long storedJobs() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    private String submit(Http http) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L));
        assertThat(response.statusCode()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "ApiKey realm=\"tipoff\", header=\"X-API-Key\"");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void everyChangeOfStateWithoutAKeyIsRefusedAndLeavesNothing() {
        String missing = "this request needs an API key in the X-API-Key header";
        HttpResponse<String> refused = anonymous.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L));
        assertUnauthorized(refused, missing);
        // Its body is never read, so its connection closes; the answer says so, and the next request takes a new one.
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertUnauthorized(anonymous.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE), missing);
        assertUnauthorized(anonymous.postFiles("/api/v1/seasons/2019/bracket",
                Map.of("seeds", "Season,Seed,TeamID\n", "slots", "Season,Slot,StrongSeed,WeakSeed\n")), missing);
        // Refused before the body is looked at: not even a malformed one is parsed.
        assertUnauthorized(anonymous.postJson("/api/v1/jobs", "{"), missing);

        String id = submit(alice);
        assertUnauthorized(anonymous.delete("/api/v1/jobs/" + id), missing);

        assertThat(storedJobs()).isEqualTo(1);
        assertThat(Http.json(anonymous.get("/api/v1/jobs/" + id)).get("status").asString()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from team_seasons").query(Long.class).single()).isZero();
    }

    @Test
    void aWrongKeyIsRefusedEvenWhereNoKeyIsNeeded() {
        String wrong = "the X-API-Key header holds no valid API key";
        Http mallory = anonymous.withHeader("X-API-Key", "alice-key-0123456789abcdeX");
        assertUnauthorized(mallory.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)), wrong);
        // The hash is not the key.
        assertUnauthorized(anonymous.withHeader("X-API-Key", BOB.substring("bob:sha256:".length()))
                .postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)), wrong);
        assertUnauthorized(anonymous.withHeader("X-API-Key", "").postJson("/api/v1/jobs",
                JobRequests.matchupJson(1_000, 1L)), wrong);
        assertUnauthorized(mallory.get("/api/v1/jobs"), wrong);

        assertThat(storedJobs()).isZero();
        assertThat(services.messageCount(services.interactiveQueue())).isZero();
    }

    @Test
    void theRightKeyChangesStateAndItsNameIsRecordedWithTheJob() {
        String byAlice = submit(alice);
        String byBob = submit(bob);

        assertThat(jdbc.sql("select submitted_by from jobs order by submitted_by").query(String.class).list())
                .containsExactly("alice", "bob");
        HttpResponse<String> notBobs = bob.delete("/api/v1/jobs/" + byAlice);
        assertThat(notBobs.statusCode()).isEqualTo(404);
        assertThat(Http.json(notBobs).get("detail").asString()).isEqualTo("no job with id " + byAlice);
        assertThat(Http.json(anonymous.get("/api/v1/jobs/" + byAlice)).get("status").asString()).isEqualTo("QUEUED");
        HttpResponse<String> cancelled = alice.delete("/api/v1/jobs/" + byAlice);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(alice.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
        assertThat(byBob).isNotEqualTo(byAlice);
    }

    @Test
    void readsArePublicByDefault() {
        String id = submit(alice);

        assertThat(anonymous.get("/api/v1/jobs/" + id).statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/jobs/" + id + "/result").statusCode()).isEqualTo(409);
        assertThat(anonymous.get("/api/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/queue").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    /** Endpoints that would show the configuration (the keys among it), the beans or the memory stay unexposed. */
    @Test
    void theActuatorShowsNothingOfTheConfigurationEvenWithAKey() {
        for (String endpoint : List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings",
                "shutdown")) {
            assertThat(alice.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
        }
        assertThat(Http.json(anonymous.get("/actuator")).get("_links").propertyNames())
                .contains("health").doesNotContain("env", "configprops", "beans");
    }

    @Test
    void eachKeyMayHaveOnlySoManyJobsQueuedOrRunning() {
        String first = submit(alice);
        submit(alice);
        assertThat(services.awaitMessageCount(services.interactiveQueue(), 2)).isEqualTo(2);

        HttpResponse<String> third = alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L));

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(third);
        assertThat(problem.get("limit").asInt()).isEqualTo(2);
        assertThat(problem.get("running").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).startsWith("alice has 2 jobs queued or running")
                .contains("tipoff.jobs.max-running-per-key");
        assertThat(storedJobs()).isEqualTo(2);
        assertThat(services.messageCount(services.interactiveQueue())).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from chunk_outbox").query(Long.class).single()).isEqualTo(2);

        // Another key has its own allowance; a finished job frees one.
        submit(bob);
        assertThat(alice.delete("/api/v1/jobs/" + first).statusCode()).isEqualTo(200);
        submit(alice);
        jdbc.sql("update jobs set status = 'COMPLETED' where submitted_by = 'alice' and status = 'QUEUED'").update();
        submit(alice);
        submit(alice);
        assertThat(alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)).statusCode()).isEqualTo(429);
    }

    @Test
    void concurrentSubmissionsCannotExceedTheLimitTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> posts = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> bob.postJson("/api/v1/jobs",
                            JobRequests.matchupJson(1_000, (long) i)).statusCode(), pool))
                    .toList();
            statuses = posts.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(2);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(6);
        assertThat(storedJobs()).isEqualTo(2);
    }
}
