package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code tipoff_*} series of {@code /actuator/prometheus}, read from a real api and worker over HTTP while they
 * run real jobs: what they count must be what happened.
 */
class MetricsIntegrationTests {

    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http apiHttp;
    private static Http workerHttp;

    @BeforeAll
    static void start() {
        services = TestServices.newEnvironment();
        api = Apps.api(services);
        worker = Apps.worker(services, "tipoff.worker.threads=2", "tipoff.worker.max-attempts=2");
        apiHttp = new Http(Apps.port(api));
        workerHttp = new Http(Apps.port(worker));
    }

    @AfterAll
    static void stop() {
        worker.close();
        api.close();
    }

    @Test
    void aJobIsCountedGameByGameAndChunkByChunk() {
        Scrape before = scrape(workerHttp);
        String id = submit(120_000, 11L, 20_000);
        apiHttp.awaitCompleted(id);

        Scrape after = scrape(workerHttp);
        assertThat(after.value("tipoff_games_total", "type", "MATCHUP")
                - before.value("tipoff_games_total", "type", "MATCHUP")).isEqualTo(120_000);
        assertThat(after.value("tipoff_chunks_total", "outcome", "stored")
                - before.value("tipoff_chunks_total", "outcome", "stored")).isEqualTo(6);
        assertThat(after.value("tipoff_chunk_duration_seconds_count", "type", "MATCHUP")
                - before.value("tipoff_chunk_duration_seconds_count", "type", "MATCHUP")).isEqualTo(6);
        double seconds = after.value("tipoff_chunk_duration_seconds_sum", "type", "MATCHUP")
                - before.value("tipoff_chunk_duration_seconds_sum", "type", "MATCHUP");
        // 20,000 games take a few milliseconds on two threads, and far less than a minute on a loaded machine.
        assertThat(seconds).isGreaterThan(0).isLessThan(6 * 60);
        assertThat(after.value("tipoff_chunk_duration_seconds_bucket", "type", "MATCHUP", "le", "+Inf"))
                .isEqualTo(after.value("tipoff_chunk_duration_seconds_count", "type", "MATCHUP"));
        // The games of the last ten seconds, per second: some, and no more than the worker ever played.
        assertThat(after.value("tipoff_games_per_second")).isGreaterThan(0)
                .isLessThanOrEqualTo(after.value("tipoff_games_total", "type", "MATCHUP") / 10);
        assertThat(after.text()).contains("application=\"tipoff-worker\"");

        // The api reads the jobs and the queue apart, each at most every two seconds: wait for one scrape with both.
        Scrape apiMetrics = awaitScrape(apiHttp, s -> s.value("tipoff_jobs", "status", "COMPLETED") >= 1
                && s.value("tipoff_jobs", "status", "RUNNING") == 0 && s.value("tipoff_jobs", "status", "QUEUED") == 0
                && s.value("tipoff_queue_messages", "queue", services.chunkQueue()) == 0
                && s.value("tipoff_queue_consumers", "queue", services.chunkQueue()) == 2); // the worker's two
        assertThat(apiMetrics.text()).contains("application=\"tipoff-api\"");
    }

    @Test
    void queuedChunksShowAsQueueDepthAndTheRestAsBacklogOnTheApi() {
        stopListening(); // the worker stops consuming; the chunks stay in the queue
        try {
            String id = submit(50_000, 12L, 10_000);
            // No consumer: the dispatch window is two chunks; all five are backlog.
            awaitScrape(apiHttp, s -> s.value("tipoff_queue_messages", "queue", services.chunkQueue()) == 2
                    && s.value("tipoff_dispatch_backlog_chunks", "lane", "BATCH") == 5
                    && s.value("tipoff_jobs", "status", "QUEUED") == 1
                    && s.value("tipoff_queue_consumers", "queue", services.chunkQueue()) == 0);
            startListening();
            apiHttp.awaitCompleted(id);
        } finally {
            startListening();
        }
    }

    @Test
    void redeliveriesAndDeadLettersAreCountedByReason() {
        Scrape before = scrape(workerHttp);
        services.withChannel(channel -> channel.queuePurge(services.deadLetterQueue()));
        // A stored job broken so that its one chunk fails on every delivery: one retry (max-attempts=2), then the
        // dead-letter queue. The worker takes nothing until the job is broken.
        stopListening();
        try {
            String id = submit(10_000, 13L, 10_000);
            api.getBean(JdbcClient.class)
                    .sql("update jobs set spec = jsonb_set(spec, '{settings,homeCourtPoints}', '99') where id = :id")
                    .param("id", UUID.fromString(id)).update();
            services.publishChunk("{\"jobId\": \"not a job\""); // unreadable: the broker dead-letters it
        } finally {
            startListening();
        }

        Scrape after = awaitScrape(workerHttp, s -> s.value("tipoff_chunks_dead_lettered_total", "reason", "failed")
                > before.value("tipoff_chunks_dead_lettered_total", "reason", "failed")
                && s.value("tipoff_chunks_dead_lettered_total", "reason", "unreadable")
                > before.value("tipoff_chunks_dead_lettered_total", "reason", "unreadable"));
        assertThat(after.value("tipoff_chunks_dead_lettered_total", "reason", "failed")
                - before.value("tipoff_chunks_dead_lettered_total", "reason", "failed")).isEqualTo(1);
        assertThat(after.value("tipoff_chunks_dead_lettered_total", "reason", "unreadable")
                - before.value("tipoff_chunks_dead_lettered_total", "reason", "unreadable")).isEqualTo(1);
        assertThat(after.value("tipoff_chunks_redelivered_total")
                - before.value("tipoff_chunks_redelivered_total")).isEqualTo(1);
        assertThat(after.value("tipoff_chunks_total", "outcome", "retried")
                - before.value("tipoff_chunks_total", "outcome", "retried")).isEqualTo(1);
        assertThat(after.value("tipoff_chunks_total", "outcome", "dead_lettered")
                - before.value("tipoff_chunks_total", "outcome", "dead_lettered")).isEqualTo(1);

        awaitScrape(apiHttp, s -> s.value("tipoff_queue_messages", "queue", services.deadLetterQueue()) == 2
                && s.value("tipoff_jobs", "status", "FAILED") == 1);
    }

    private static void stopListening() {
        Apps.stopConsuming(worker, api);
    }

    private static void startListening() {
        Apps.startConsuming(worker);
    }

    /** One scrape of {@code /actuator/prometheus}, in Prometheus's text format. */
    record Scrape(String text) {

        /** The value of the series {@code name} whose labels include {@code labels} (name, value, …); 0 if none. */
        double value(String name, String... labels) {
            return Arrays.stream(text.split("\n"))
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> hasLabels(line, labels))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElse(0);
        }

        private static boolean hasLabels(String line, String... labels) {
            for (int i = 0; i < labels.length; i += 2) {
                if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Scrape scrape(Http http) {
        HttpResponse<String> response = http.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /**
     * Waits for one scrape that shows what {@code until} expects: the worker counts as it goes, the api reads the
     * database and the broker apart, each at most every two seconds.
     */
    private static Scrape awaitScrape(Http http, Predicate<Scrape> until) {
        return Waits.until("metrics caught up", Duration.ofSeconds(60), () -> scrape(http), until);
    }

    private static String submit(long simulations, long seed, int chunkSize) {
        HttpResponse<String> response = apiHttp.postJson("/api/v1/jobs",
                JobRequests.matchupJson(simulations, seed, chunkSize));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

}
