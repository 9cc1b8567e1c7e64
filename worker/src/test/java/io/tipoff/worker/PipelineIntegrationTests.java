package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.testing.EventStream;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline: a real api and real workers in this JVM, real PostgreSQL and RabbitMQ. A job goes in over HTTP,
 * its chunks through the queue, its result comes back over HTTP.
 *
 * <p>One api and one worker serve the class. Each test begins with the worker not consuming (as if no worker were
 * there yet: the api's window is then two chunks), and lets it consume when the test's chunks are where it wants them.
 */
class PipelineIntegrationTests {

    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http http;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        services = TestServices.newEnvironment();
        // A quick reconciler, so that a test can lose chunks and see them sent again within seconds; not so quick that
        // it sends again a chunk a worker holds between two failed attempts (a copy that would be dead-lettered too).
        api = Apps.api(services, "tipoff.jobs.reconcile-after=5s", "tipoff.jobs.reconcile-check=500ms",
                "tipoff.events.interval=100ms");
        http = new Http(Apps.port(api));
        jdbc = api.getBean(JdbcClient.class);
        // Two attempts before a chunk is dead-lettered: a chunk that always fails is set aside sooner.
        worker = Apps.worker(services, "tipoff.worker.threads=2", "tipoff.worker.max-attempts=2");
    }

    @AfterAll
    static void stop() {
        worker.close();
        api.close();
    }

    @BeforeEach
    void withoutConsumers() {
        stopConsuming();
    }

    private static void startConsuming() {
        Apps.startConsuming(worker);
    }

    private static void stopConsuming() {
        Apps.stopConsuming(worker, api);
    }

    @Test
    void aJobCompletesWithExactlyItsSimulations() {
        startConsuming();
        String id = submit(250_001, 17L, 100_000);

        JsonNode job = http.awaitCompleted(id);
        assertThat(job.get("simulationsCompleted").asLong()).isEqualTo(250_001);
        assertThat(job.get("chunks").asInt()).isEqualTo(3);
        assertThat(job.get("chunksCompleted").asInt()).isEqualTo(3);
        assertThat(job.get("startedAt").isNull()).isFalse();

        JsonNode result = Http.json(http.get("/api/v1/jobs/" + id + "/result"));
        assertThat(result.get("simulations").asLong()).isEqualTo(250_001);
        long games = 0;
        for (JsonNode bar : result.get("margin").get("histogram")) {
            games += bar.get(1).asLong();
        }
        assertThat(games).isEqualTo(250_001);
        assertThat(result.get("teamA").get("winProbability").asDouble()
                + result.get("teamB").get("winProbability").asDouble()).isEqualTo(1.0);
        assertThat(result.get("teamA").get("name").asString()).isEqualTo("Virginia");
        long overtimeGames = 0;
        for (JsonNode periods : result.get("overtimePeriods")) {
            overtimeGames += periods.get(1).asLong();
        }
        assertThat(overtimeGames).isEqualTo(250_001);
        JsonNode box = result.get("teamA").get("box");
        assertThat(box.get("possessions").asDouble()).isBetween(55.0, 75.0);
        assertThat(2 * box.get("twoPointAttempts").asDouble() * box.get("twoPointPct").asDouble()
                + 3 * box.get("threePointAttempts").asDouble() * box.get("threePointPct").asDouble()
                + box.get("freeThrowsMade").asDouble())
                .isCloseTo(result.get("teamA").get("meanPoints").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.get("teamB").get("points").get("percentiles").get("p50").asInt()).isBetween(50, 80);
        assertThat(jdbc.sql("select count(*), sum(games) from chunk_results where job_id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single())
                .containsExactly(3, 250_001);
        assertThat(services.messageCount(services.chunkQueue())).isZero();

        HttpResponse<String> summary = http.get("/api/v1/jobs/" + id + "/result", "text/plain");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("Virginia vs Texas Tech: 250,001 simulated games").contains(
                String.format(java.util.Locale.ROOT, "%.2f%%", 100 * result.get("teamA").get("winProbability").asDouble()))
                .contains("per game");
    }

    @Test
    void theEventStreamOfARealJobShowsItsProgressAndEndsWithItsCompletedEvent() {
        String id = submit(1_000_000, 8L, 50_000);
        try (EventStream stream = http.events("/api/v1/jobs/" + id + "/events")) {
            startConsuming();
            List<EventStream.Event> events = stream.untilEnd(Duration.ofSeconds(120));

            EventStream.Event last = events.get(events.size() - 1);
            assertThat(last.name()).isEqualTo("completed");
            assertThat(last.json().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(last.json().get("simulationsCompleted").asLong()).isEqualTo(1_000_000);
            assertThat(last.json().get("chunksCompleted").asInt()).isEqualTo(20);
            assertThat(last.json().get("progress").asDouble()).isEqualTo(1.0);
            List<EventStream.Event> progress = events.subList(0, events.size() - 1);
            assertThat(progress).extracting(EventStream.Event::name).containsOnly("progress");
            assertThat(progress.get(0).json().get("status").asString()).isEqualTo("QUEUED");
            List<Long> completed = progress.stream().map(e -> e.json().get("simulationsCompleted").asLong()).toList();
            assertThat(completed).isSorted();
            assertThat(completed).as("progress seen between the start and the end")
                    .anySatisfy(games -> assertThat(games).isStrictlyBetween(0L, 1_000_000L));
        }
        assertThat(Http.json(http.get("/api/v1/jobs/" + id)).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aJobOfImportedTeamsIsPlayedFromItsStoredSnapshot() {
        assertThat(http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
        Map<String, Object> body = JobRequests.matchup(20_000, 3L);
        JobRequests.at(body, "matchup").put("teamA", Map.of("season", 2019, "teamId", 1181));
        JobRequests.at(body, "matchup").put("teamB", Map.of("season", 2019, "name", "Michigan St"));
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        startConsuming();

        String id = Http.json(response).get("id").asString();
        http.awaitCompleted(id);
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + id + "/result"));
        assertThat(result.get("simulations").asLong()).isEqualTo(20_000);
        assertThat(result.get("teamA").get("name").asString()).isEqualTo("Duke");
        assertThat(result.get("teamB").get("name").asString()).isEqualTo("Michigan St");
    }

    @Test
    void theSameJobAndSeedGiveAnIdenticalResultWhateverTheThreadsAndChunks() {
        String oneThread;
        try (ConfigurableApplicationContext single = Apps.worker(services, "tipoff.worker.threads=1")) {
            oneThread = resultOf(submit(300_000, 42L, 100_000));
        }

        startConsuming(); // the class's worker, on two threads: its chunks are cut into other slices
        String twoThreads = resultOf(submit(300_000, 42L, 100_000));
        String otherChunks = resultOf(submit(300_000, 42L, 70_000));
        String oneChunk = resultOf(submit(300_000, 42L, 300_000));
        String otherSeed = resultOf(submit(300_000, 43L, 100_000));

        assertThat(twoThreads).isEqualTo(oneThread);
        assertThat(otherChunks).isEqualTo(oneThread);
        assertThat(oneChunk).isEqualTo(oneThread);
        assertThat(otherSeed).isNotEqualTo(oneThread);
    }

    @Test
    void aChunkDeliveredTwiceIsCountedOnce() {
        String id = submit(30_000, 5L, 10_000);
        awaitQueued(2); // no consumer yet: the window is two chunks
        publishChunkAgain(id, 1, 10_000, 10_000);
        assertThat(services.messageCount(services.chunkQueue())).isEqualTo(3);

        startConsuming();
        JsonNode job = http.awaitCompleted(id);
        assertThat(job.get("simulationsCompleted").asLong()).isEqualTo(30_000);
        assertThat(job.get("chunksCompleted").asInt()).isEqualTo(3);
        String result = resultOf(id);

        // A copy arriving after the job completed changes nothing either.
        publishChunkAgain(id, 0, 0, 10_000);
        awaitAllChunksAcknowledged();
        JsonNode after = Http.json(http.get("/api/v1/jobs/" + id));
        assertThat(after.get("simulationsCompleted").asLong()).isEqualTo(30_000);
        assertThat(after.get("completedAt").asString()).isEqualTo(job.get("completedAt").asString());
        assertThat(resultOf(id)).isEqualTo(result);
        assertThat(jdbc.sql("select count(*) from chunk_results where job_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aMessageThatIsNotAChunkGoesToTheDeadLetterQueue() {
        startConsuming();
        long before = services.messageCount(services.deadLetterQueue());
        services.publishChunk("{\"jobId\": \"not a job\"");

        services.awaitMessageCount(services.deadLetterQueue(), before + 1);
        assertThat(services.messageCount(services.deadLetterQueue())).isEqualTo(before + 1);
        awaitAllChunksAcknowledged();
    }

    @Test
    void aChunkThatFailsEveryTimeIsDeadLetteredWithItsExceptionAndFailsItsJob() {
        String id = submit(20_000, 9L, 20_000);
        // A stored spec the engine refuses: every chunk of this job fails the same way, on every worker.
        jdbc.sql("update jobs set spec = jsonb_set(spec, '{settings,homeCourtPoints}', '99') where id = :id")
                .param("id", UUID.fromString(id)).update();
        services.withChannel(channel -> channel.queuePurge(services.deadLetterQueue()));
        startConsuming();

        // (The api cannot show a job whose stored spec is broken either: read the row itself.)
        Waits.until("job " + id + " failed", Duration.ofSeconds(30), () -> statusOf(id).equals("FAILED"));
        assertThat(jdbc.sql("select error from jobs where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).contains("failed 2 times").contains("homeCourtPoints");
        awaitAllChunksAcknowledged();
        // Its one chunk is set aside with its exception (the other chunks of a failed job are dropped, not played).
        assertThat(services.messageCount(services.deadLetterQueue())).isEqualTo(1);
        assertThat(firstDeadLetterReason()).contains("homeCourtPoints");
        assertThat(statusOf(id)).isEqualTo("FAILED");
    }

    @Test
    void aChunkThatIsNotOneOfItsJobsIsDeadLetteredWithItsReasonAndTheJobCompletes() {
        String id = submit(20_000, 11L, 10_000);
        services.withChannel(channel -> channel.queuePurge(services.deadLetterQueue()));
        // Chunk 5 of a job of two chunks, and chunk 1 with games of its own: made up, or garbled on the way.
        publishChunkAgain(id, 5, 50_000, 10_000);
        publishChunkAgain(id, 1, 10_000, 3);
        startConsuming();

        JsonNode job = http.awaitCompleted(id);
        assertThat(job.get("simulationsCompleted").asLong()).isEqualTo(20_000);
        awaitAllChunksAcknowledged();
        assertThat(services.messageCount(services.deadLetterQueue())).isEqualTo(2);
        assertThat(firstDeadLetterReason()).contains("not a chunk of its job").contains("2 chunks of 10000");
    }

    /** The {@code x-exception-message} of the first dead letter, which stays in the queue. */
    private static String firstDeadLetterReason() {
        return services.withChannel(channel -> {
            com.rabbitmq.client.GetResponse dead = channel.basicGet(services.deadLetterQueue(), false);
            channel.basicNack(dead.getEnvelope().getDeliveryTag(), false, true);
            return String.valueOf(dead.getProps().getHeaders().get("x-exception-message"));
        });
    }

    private static String statusOf(String id) {
        return jdbc.sql("select status from jobs where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    @Test
    void workersDropTheChunksOfACancelledJobWithoutSimulatingThem() {
        String id = submit(200_000, 9L, 10_000);
        awaitQueued(2); // no consumer yet: the window is two chunks
        assertThat(http.delete("/api/v1/jobs/" + id).statusCode()).isEqualTo(200);
        startConsuming();
        awaitAllChunksAcknowledged();
        // Nothing was released after the cancel, though a worker came.
        assertThat(jdbc.sql("select next_chunk from jobs where id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from chunk_results where job_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isZero();
        assertThat(Http.json(http.get("/api/v1/jobs/" + id)).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void chunksLostFromTheQueueAreSentAgainAndCountedOnce() {
        String id = submit(30_000, 21L, 10_000);
        awaitQueued(2); // no consumer yet: the window is two chunks, both purged
        services.withChannel(channel -> channel.queuePurge(services.chunkQueue()));
        startConsuming();

        JsonNode job = http.awaitCompleted(id);
        assertThat(job.get("simulationsCompleted").asLong()).isEqualTo(30_000);
        assertThat(jdbc.sql("select count(*), sum(games) from chunk_results where job_id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single())
                .containsExactly(3, 30_000);
        assertThat(jdbc.sql("select sends from chunk_outbox where job_id = :id order by chunk_index")
                .param("id", UUID.fromString(id)).query(Integer.class).list()).containsExactly(2, 2, 1);
        assertThat(resultOf(id)).isEqualTo(resultOf(submit(30_000, 21L, 10_000)));
    }

    private static void awaitQueued(long chunks) {
        services.awaitMessageCount(services.chunkQueue(), chunks);
    }

    private static String submit(long simulations, Long seed, int chunkSize) {
        Map<String, Object> body = JobRequests.matchup(simulations, seed);
        body.put("chunkSize", chunkSize);
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    private static String resultOf(String id) {
        http.awaitCompleted(id);
        HttpResponse<String> response = http.get("/api/v1/jobs/" + id + "/result");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * Waits until the queue has nothing ready, then stops the worker consuming: it finishes the chunk in hand first,
     * and a chunk it had not acknowledged would go back to the queue. An empty queue after that means every chunk was
     * processed.
     */
    private static void awaitAllChunksAcknowledged() {
        Waits.until("the chunk queue empty", Duration.ofSeconds(30),
                () -> services.messageCount(services.chunkQueue()) == 0);
        stopConsuming();
        assertThat(services.messageCount(services.chunkQueue())).isZero();
    }

    /** Publishes a chunk the way any client could: plain JSON, no Spring type headers. */
    private static void publishChunkAgain(String jobId, int index, long firstGame, int games) {
        services.publishChunk("{\"jobId\":\"%s\",\"chunkIndex\":%d,\"firstGame\":%d,\"games\":%d}"
                .formatted(jobId, index, firstGame, games));
    }
}
