package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fair-share dispatch against a real api, a real worker, PostgreSQL and RabbitMQ (docs/SCHEDULING.md): keys share the
 * worker, priorities weigh a key's jobs, quotas refuse, a cancelled job stops being dispatched, a small job is played
 * while a big one runs, and a precision target stops a job at the same chunk whatever plays it.
 */
class SchedulingIntegrationTests {

    private static final Duration JOB = Duration.ofMinutes(2);

    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http alice;
    private static Http bob;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        services = TestServices.newEnvironment();
        api = Apps.api(services, "tipoff.security.api-keys=alice:alice-key-0123456789,bob:bob-key-0123456789,"
                        + "carol:carol-key-0123456789",
                "tipoff.jobs.max-queued-games-per-key=200000000");
        worker = Apps.worker(services, "tipoff.worker.threads=2");
        Http anonymous = new Http(Apps.port(api));
        alice = anonymous.withHeader("X-API-Key", "alice-key-0123456789");
        bob = anonymous.withHeader("X-API-Key", "bob-key-0123456789");
        jdbc = api.getBean(JdbcClient.class);
        assertThat(alice.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
        Waits.until("the worker consuming both lanes", JOB, () -> consumers() == 3);
    }

    @AfterAll
    static void stop() {
        worker.close();
        api.close();
    }

    private static long consumers() {
        JsonNode queue = Http.json(alice.get("/api/v1/queue"));
        long total = 0;
        for (JsonNode lane : queue.get("lanes")) {
            total += lane.get("consumers").asLong();
        }
        return total;
    }

    private static String submit(Http as, Map<String, Object> body) {
        HttpResponse<String> response = as.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    private static Map<String, Object> matchup(long simulations, long seed, int chunkSize) {
        Map<String, Object> body = JobRequests.matchup(simulations, seed);
        body.put("chunkSize", chunkSize);
        return body;
    }

    private static JsonNode job(String id) {
        return Http.json(alice.get("/api/v1/jobs/" + id));
    }

    private static Instant completedAt(String id) {
        return Instant.parse(alice.awaitCompleted(id).get("completedAt").asString());
    }

    @Test
    void aKeyThatSubmitsBehindAnotherKeysFourJobsFinishesBeforeAnyOfThem() {
        List<String> alices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            alices.add(submit(alice, matchup(3_000_000, i, 100_000)));
        }
        Waits.until("alice's jobs running", JOB, () -> job(alices.get(0)).get("chunksCompleted").asInt() > 0);
        String bobs = submit(bob, matchup(3_000_000, 9, 100_000));

        Instant bobDone = completedAt(bobs);
        for (String id : alices) {
            assertThat(completedAt(id)).as("alice's job %s", id).isAfter(bobDone);
        }
    }

    @Test
    void aKeysHighPriorityJobGetsMoreOfItsShareThanItsLowPriorityJob() {
        Map<String, Object> low = matchup(3_000_000, 1, 100_000);
        low.put("priority", "LOW");
        Map<String, Object> high = matchup(3_000_000, 2, 100_000);
        high.put("priority", "HIGH");
        String lowId = submit(alice, low);
        String highId = submit(alice, high);

        assertThat(job(highId).get("priority").asString()).isEqualTo("HIGH");
        assertThat(completedAt(highId)).isBefore(completedAt(lowId));
    }

    @Test
    void aSmallJobIsPlayedOnTheInteractiveLaneWhileABigOneKeepsRunning() {
        String big = submit(alice, matchup(30_000_000, 3, 1_000_000));
        Waits.until("the big job running", JOB, () -> job(big).get("chunksCompleted").asInt() > 0);

        String small = submit(alice, matchup(10_000, 4, 10_000));
        assertThat(job(small).get("lane").asString()).isEqualTo("INTERACTIVE");
        completedAt(small);
        JsonNode bigNow = job(big);
        assertThat(bigNow.get("status").asString()).isEqualTo("RUNNING");
        assertThat(bigNow.get("chunksCompleted").asInt()).isLessThan(30);

        assertThat(alice.delete("/api/v1/jobs/" + big).statusCode()).isEqualTo(200);
        // Cancelled: nothing more is released for it, and what was released but not published is withdrawn.
        int released = jdbc.sql("select next_chunk from jobs where id = :id").param("id", UUID.fromString(big))
                .query(Integer.class).single();
        assertThat(released).isLessThan(30);
        assertThat(jdbc.sql("select count(*) from chunk_outbox where job_id = :id and sent_at is null")
                .param("id", UUID.fromString(big)).query(Long.class).single()).isZero();
        String after = submit(alice, matchup(200_000, 5, 100_000));
        completedAt(after);
        assertThat(jdbc.sql("select next_chunk from jobs where id = :id").param("id", UUID.fromString(big))
                .query(Integer.class).single()).isEqualTo(released);
    }

    @Test
    void aKeyCannotQueueMoreGamesThanItsQuota() {
        HttpResponse<String> tooMuch = bob.postJson("/api/v1/jobs",
                JobRequests.json(matchup(250_000_000, 1, 1_000_000)));

        assertThat(tooMuch.statusCode()).isEqualTo(429);
        assertThat(tooMuch.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(tooMuch);
        assertThat(problem.get("limit").asLong()).isEqualTo(200_000_000);
        assertThat(problem.get("requested").asLong()).isEqualTo(250_000_000);
        assertThat(problem.get("detail").asString()).contains("tipoff.jobs.max-queued-games-per-key");
    }

    @Test
    void aPrecisionTargetStopsAtTheFirstPrefixOfChunksThatMeetsItWhateverPlaysIt() {
        Map<String, Object> body = JobRequests.matchup(100_000_000, 17L);
        body.put("target", Map.of("stdError", 0.002));
        String first = submit(alice, body);
        completedAt(first);
        JsonNode job = job(first);

        assertThat(job.get("stopReason").asString()).isEqualTo("TARGET_MET");
        assertThat(job.get("chunkSize").asInt()).isEqualTo(5_000);
        long played = job.get("simulationsCompleted").asLong();
        // p ≈ 0.5 needs 0.25 / 0.002² = 62,500 games: the first multiple of 5,000 whose tally meets it.
        assertThat(played).isBetween(55_000L, 75_000L);
        String result = alice.get("/api/v1/jobs/" + first + "/result").body();
        JsonNode served = Http.json(alice.get("/api/v1/jobs/" + first + "/result"));
        assertThat(served.get("simulations").asLong()).isEqualTo(played);
        assertThat(served.get("stopReason").asString()).isEqualTo("TARGET_MET");

        // Again on two workers (a second one of one thread), chunks finishing in another order: the same prefix, the
        // same bytes.
        ConfigurableApplicationContext second = Apps.worker(services, "tipoff.worker.threads=1");
        try {
            Waits.until("two workers consuming", JOB, () -> consumers() == 6);
            String again = submit(bob, body);
            completedAt(again);
            assertThat(job(again).get("simulationsCompleted").asLong()).isEqualTo(played);
            assertThat(alice.get("/api/v1/jobs/" + again + "/result").body()).isEqualTo(result);
        } finally {
            second.close();
        }
    }

    @Test
    void aTournamentsTargetCoversEveryTeamRound() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "TOURNAMENT");
        body.put("simulations", 1_000_000);
        body.put("seed", 5);
        body.put("chunkSize", 1_000);
        body.put("target", Map.of("stdError", 0.01));
        body.put("tournament", Map.of(
                "teams", List.of(seeded("W01", 1438), seeded("W02", 1181), seeded("W03", 1403), seeded("W04", 1277)),
                "slots", List.of(slot("R1W1", "W01", "W04"), slot("R1W2", "W02", "W03"),
                        slot("R2W1", "R1W1", "R1W2"))));
        String id = submit(alice, body);
        completedAt(id);
        JsonNode job = job(id);

        assertThat(job.get("stopReason").asString()).isEqualTo("TARGET_MET");
        long played = job.get("simulationsCompleted").asLong();
        // A team-round near one half needs 0.25 / 0.01² = 2,500 tournaments; none may need more than that.
        assertThat(played).isBetween(1_000L, 3_000L).isEqualTo(1_000L * job.get("chunksCompleted").asInt());
        JsonNode result = Http.json(alice.get("/api/v1/jobs/" + id + "/result"));
        assertThat(result.get("simulations").asLong()).isEqualTo(played);
        assertThat(alice.get("/api/v1/jobs/" + submitAndComplete(body) + "/result").body())
                .isEqualTo(alice.get("/api/v1/jobs/" + id + "/result").body());
    }

    private static String submitAndComplete(Map<String, Object> body) {
        String id = submit(bob, body);
        completedAt(id);
        return id;
    }

    private static Map<String, Object> seeded(String seed, int teamId) {
        return Map.of("seed", seed, "team", Map.of("season", 2019, "teamId", teamId));
    }

    private static Map<String, Object> slot(String slot, String strong, String weak) {
        return Map.of("slot", slot, "strongSeed", strong, "weakSeed", weak);
    }
}
