package io.tipoff.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.EventStream;
import io.tipoff.testing.EventStream.Event;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * {@code GET /api/v1/jobs/{id}/events} against real PostgreSQL and RabbitMQ with no worker: the tests move a job as a
 * worker would, by writing its row, and read what the stream says. (A real job followed to its {@code completed} event
 * is in the worker's pipeline tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.events.interval=100ms", "tipoff.events.heartbeat=400ms"})
class JobEventsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private String submit() {
        Map<String, Object> body = JobRequests.matchup(40_000, 1L);
        body.put("chunkSize", 10_000);
        var response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    /** What a worker's chunk does to the job row. */
    private void completeChunks(String id, int chunks) {
        jdbc.sql("""
                        update jobs set status = 'RUNNING', started_at = coalesce(started_at, clock_timestamp()),
                               chunks_completed = :chunks, simulations_completed = :chunks * 10000
                        where id = :id""")
                .param("chunks", chunks).param("id", UUID.fromString(id)).update();
    }

    @Test
    void aStreamStartsWithTheJobAsItIsAndSendsEachChange() {
        String id = submit();
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            Event first = stream.nextEvent(WAIT).orElseThrow();
            assertThat(first.name()).isEqualTo("progress");
            assertThat(first.json().get("id").asString()).isEqualTo(id);
            assertThat(first.json().get("status").asString()).isEqualTo("QUEUED");
            assertThat(first.json().get("chunks").asInt()).isEqualTo(4);
            assertThat(first.json().get("simulationsCompleted").asLong()).isZero();

            completeChunks(id, 1);
            JsonNode running = stream.nextEvent(WAIT).orElseThrow().json();
            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.get("chunksCompleted").asInt()).isEqualTo(1);
            assertThat(running.get("simulationsCompleted").asLong()).isEqualTo(10_000);
            assertThat(running.get("progress").asDouble()).isEqualTo(0.25);

            completeChunks(id, 3);
            assertThat(stream.nextEvent(WAIT).orElseThrow().json().get("simulationsCompleted").asLong())
                    .isEqualTo(30_000);
        }
    }

    @Test
    void aCancelledJobEndsItsStreamWithACancelledEvent() {
        String id = submit();
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.nextEvent(WAIT).orElseThrow().name()).isEqualTo("progress");
            assertThat(http.delete("/api/v1/jobs/" + id).statusCode()).isEqualTo(200);

            List<Event> rest = stream.untilEnd(WAIT);
            assertThat(rest).extracting(Event::name).containsExactly("cancelled");
            assertThat(rest.get(0).json().get("status").asString()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aFailedJobEndsItsStreamWithItsError() {
        String id = submit();
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.nextEvent(WAIT).orElseThrow().name()).isEqualTo("progress");
            jdbc.sql("update jobs set status = 'FAILED', error = 'chunk 2 failed 5 times: boom' where id = :id")
                    .param("id", UUID.fromString(id)).update();

            List<Event> rest = stream.untilEnd(WAIT);
            assertThat(rest).extracting(Event::name).containsExactly("failed");
            assertThat(rest.get(0).json().get("error").asString()).isEqualTo("chunk 2 failed 5 times: boom");
        }
    }

    @Test
    void aFinishedJobGetsItsLastEventAtOnceAndTheStreamEnds() {
        String id = submit();
        http.delete("/api/v1/jobs/" + id);
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.untilEnd(WAIT)).extracting(Event::name).containsExactly("cancelled");
        }
    }

    @Test
    void aQuietStreamSendsHeartbeatComments() {
        String id = submit();
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.next(WAIT).orElseThrow().name()).isEqualTo("progress");
            Event heartbeat = stream.next(WAIT).orElseThrow();
            assertThat(heartbeat.isComment()).isTrue();
            assertThat(heartbeat.data()).isEqualTo("heartbeat");
        }
    }

    @Test
    void anUnknownJobIsANotFoundProblem() throws Exception {
        try (EventStream stream = http.events("/api/v1/jobs/" + UUID.randomUUID() + "/events")) {
            assertThat(stream.statusCode()).isEqualTo(404);
            assertThat(stream.contentType()).hasValue("application/problem+json");
            assertThat(stream.body()).contains("no job with id");
        }
    }
}
