package io.tipoff.api.job;

import static io.tipoff.testing.JobRequests.at;
import static io.tipoff.testing.JobRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.TeamSeason;
import io.tipoff.model.TorvikCsv;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract of jobs, against real PostgreSQL and RabbitMQ, with no worker consuming the chunks. A few real
 * team seasons of 2018 and 2019 ({@link TeamData#SAMPLE}) are imported, for jobs that name their teams by reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class JobApiIntegrationTests {

    private static TestServices.Environment services;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services = TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void emptySystem() {
        http = new Http(port);
        jdbc.sql(TestServices.DELETE_JOBS).update();
        services.withChannel(channel -> channel.queuePurge(services.chunkQueue()));
        services.withChannel(channel -> channel.queuePurge(services.interactiveQueue()));
        assertThat(http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
    }

    private long storedJobs() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    /** The dispatcher publishes right after the commit, on its own thread: wait for it (a batch job's chunks). */
    private void awaitChunksInQueue(long chunks) {
        assertThat(services.awaitMessageCount(services.chunkQueue(), chunks)).isEqualTo(chunks);
    }

    /** A one-chunk job travels on the interactive lane. */
    private void awaitInteractiveChunks(long chunks) {
        assertThat(services.awaitMessageCount(services.interactiveQueue(), chunks)).isEqualTo(chunks);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyGetsTheSameJob() {
        String body = JobRequests.matchupJson(10_000, 4L);
        HttpResponse<String> first = http.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-17");
        HttpResponse<String> retry = http.postJson("/api/v1/jobs", "\n  " + body + "\n", "Idempotency-Key", "order-17");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Http.json(retry).get("id").asString()).isEqualTo(Http.json(first).get("id").asString());
        assertThat(storedJobs()).isEqualTo(1);
        awaitInteractiveChunks(1);

        HttpResponse<String> other = http.postJson("/api/v1/jobs", JobRequests.matchupJson(20_000, 4L),
                "Idempotency-Key", "order-17");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(other).get("detail").asString()).contains("order-17");
        assertThat(storedJobs()).isEqualTo(1);
        assertThat(services.messageCount(services.interactiveQueue())).isEqualTo(1);
    }

    @Test
    void aCancelledJobStaysCancelledAndAFinishedOneCannotBeCancelled() {
        String id = Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(10_000, 4L))).get("id").asString();
        HttpResponse<String> cancelled = http.delete("/api/v1/jobs/" + id);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Http.json(cancelled).get("completedAt").isNull()).isFalse();
        assertThat(http.delete("/api/v1/jobs/" + id).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/api/v1/jobs/" + id + "/result")).get("jobStatus").asString())
                .isEqualTo("CANCELLED");

        jdbc.sql("update jobs set status = 'COMPLETED' where id = :id").param("id", UUID.fromString(id)).update();
        HttpResponse<String> finished = http.delete("/api/v1/jobs/" + id);
        assertThat(finished.statusCode()).isEqualTo(409);
        assertThat(Http.json(finished).get("jobStatus").asString()).isEqualTo("COMPLETED");
        assertThat(http.delete("/api/v1/jobs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void acceptsAJobStoresItAndDispatchesTheWindowOfItsChunks() {
        HttpResponse<String> response = http.postJson("/api/v1/jobs",
                JobRequests.json(withChunkSize(JobRequests.matchup(2_500_000, 42L), 1_000_000)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode job = Http.json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + job.get("id").asString());
        assertThat(job.get("type").asString()).isEqualTo("MATCHUP");
        assertThat(job.get("status").asString()).isEqualTo("QUEUED");
        assertThat(job.get("simulations").asLong()).isEqualTo(2_500_000);
        assertThat(job.get("simulationsCompleted").asLong()).isZero();
        assertThat(job.get("chunks").asInt()).isEqualTo(3);
        assertThat(job.get("chunksCompleted").asInt()).isZero();
        assertThat(job.get("seed").asLong()).isEqualTo(42);
        assertThat(job.get("createdAt").asString()).isNotBlank();
        assertThat(job.get("startedAt").isNull()).isTrue();
        assertThat(storedJobs()).isEqualTo(1);
        assertThat(job.get("lane").asString()).isEqualTo("BATCH");
        assertThat(job.get("priority").asString()).isEqualTo("NORMAL");
        // No worker consumes the batch lane: its window is the minimum, two chunks; the third waits undispatched.
        awaitChunksInQueue(2);
        // A chunk is in the queue a moment before the broker's confirm marks its outbox row sent.
        assertThat(Waits.until("the two published chunks marked sent", Duration.ofSeconds(10),
                () -> jdbc.sql("select count(*) from chunk_outbox where sent_at is not null").query(Long.class)
                        .single(), sent -> sent >= 2)).isEqualTo(2);
        assertThat(jdbc.sql("select next_chunk from jobs").query(Integer.class).single()).isEqualTo(2);
        JsonNode queue = Http.json(http.get("/api/v1/queue"));
        assertThat(queue.get("chunksReady").asLong()).isEqualTo(2);
        assertThat(Http.json(http.get("/api/v1/jobs/" + job.get("id").asString())).get("chunksInFlight").asInt())
                .isEqualTo(2);
        assertThat(queue.get("consumers").asLong()).isZero();
        assertThat(queue.get("deadLetters").asLong()).isZero();

        HttpResponse<String> read = http.get("/api/v1/jobs/" + job.get("id").asString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Http.json(read).get("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void choosesAndStoresASeedWhenNoneIsGiven() {
        JsonNode first = Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, null)));
        JsonNode second = Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, null)));
        assertThat(first.get("seed").asLong()).isNotEqualTo(second.get("seed").asLong());
        long stored = jdbc.sql("select seed from jobs where id = :id")
                .param("id", UUID.fromString(first.get("id").asString())).query(Long.class).single();
        assertThat(stored).isEqualTo(first.get("seed").asLong());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"type\": \"MATCHUP\", ", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("missing type", with(b -> b.remove("type")), "type"),
                Arguments.of("unknown type", with(b -> b.put("type", "BRACKET")), "type"),
                Arguments.of("missing simulations", with(b -> b.remove("simulations")), "simulations"),
                Arguments.of("zero simulations", with(b -> b.put("simulations", 0)), "simulations"),
                Arguments.of("negative simulations", with(b -> b.put("simulations", -5)), "simulations"),
                Arguments.of("fractional simulations", with(b -> b.put("simulations", 1.5)), "simulations"),
                Arguments.of("overflowing simulations",
                        with(b -> b.put("simulations", new java.math.BigInteger("99999999999999999999"))),
                        "simulations"),
                Arguments.of("simulations one past the largest long",
                        with(b -> b.put("simulations", new java.math.BigInteger("9223372036854775808"))),
                        "simulations"),
                Arguments.of("simulations in exponent notation", with(b -> b.put("simulations", 1e30)),
                        "simulations"),
                Arguments.of("simulations above the maximum", with(b -> b.put("simulations", 1_000_000_001L)),
                        "simulations"),
                Arguments.of("overflowing seed",
                        with(b -> b.put("seed", new java.math.BigInteger("9223372036854775808"))), "seed"),
                Arguments.of("overflowing chunk size", with(b -> b.put("chunkSize", 2_147_483_648L)), "chunkSize"),
                Arguments.of("simulations as a string", with(b -> b.put("simulations", "1000")), "simulations"),
                Arguments.of("top-level array", "[]", "body"),
                Arguments.of("zero chunk size", with(b -> b.put("chunkSize", 0)), "chunkSize"),
                Arguments.of("huge chunk size", with(b -> b.put("chunkSize", 2_000_000_000)), "chunkSize"),
                Arguments.of("too many chunks", with(b -> {
                    b.put("simulations", 1_000_000_000L);
                    b.put("chunkSize", 1);
                }), "chunkSize"),
                Arguments.of("unknown field", with(b -> b.put("sead", 42)), "sead"),
                Arguments.of("missing matchup", with(b -> b.remove("matchup")), "matchup"),
                Arguments.of("missing team", with(b -> at(b, "matchup").remove("teamB")), "matchup.teamB"),
                Arguments.of("unknown venue", with(b -> at(b, "matchup").put("venue", "HOME")), "matchup.venue"),
                Arguments.of("blank name", with(b -> at(b, "matchup.teamA").put("name", " ")), "matchup.teamA.name"),
                Arguments.of("zero tempo", with(b -> at(b, "matchup.teamA").put("tempo", 0)), "matchup.teamA.tempo"),
                Arguments.of("text for a number", with(b -> at(b, "matchup.teamA").put("tempo", "fast")),
                        "matchup.teamA.tempo"),
                Arguments.of("number as a string", with(b -> at(b, "matchup.teamA.offense").put("twoPointPct", "0.5")),
                        "matchup.teamA.offense.twoPointPct"),
                Arguments.of("rate above 1", with(b -> at(b, "matchup.teamA.offense").put("twoPointPct", 1.2)),
                        "matchup.teamA.offense.twoPointPct"),
                Arguments.of("rate of 1.5", with(b -> at(b, "matchup.teamB.offense").put("freeThrowPct", 1.5)),
                        "matchup.teamB.offense.freeThrowPct"),
                // JSON has no NaN; Jackson reads the strings "NaN" and "Infinity" as those numbers even where it takes
                // no other number as a string, so the ranges must refuse them.
                Arguments.of("NaN rate", with(b -> at(b, "matchup.teamA.defense").put("threePointPct", "NaN")),
                        "matchup.teamA.defense.threePointPct"),
                Arguments.of("infinite rate",
                        with(b -> at(b, "matchup.teamA.defense").put("turnoverRate", "-Infinity")),
                        "matchup.teamA.defense.turnoverRate"),
                Arguments.of("NaN tempo", with(b -> at(b, "matchup.teamB").put("tempo", "NaN")), "matchup.teamB.tempo"),
                Arguments.of("infinite tempo", with(b -> at(b, "matchup.teamB").put("tempo", "Infinity")),
                        "matchup.teamB.tempo"),
                Arguments.of("NaN as a bare word", JobRequests.matchupJson(10_000, 1L).replace("0.745", "NaN"),
                        "matchup.teamA.offense.freeThrowPct"),
                Arguments.of("a bare word for a number", JobRequests.matchupJson(10_000, 1L).replace("60.7", "fast"),
                        "matchup.teamA.tempo"),
                Arguments.of("negative rate", with(b -> at(b, "matchup.teamB.defense").put("turnoverRate", -0.1)),
                        "matchup.teamB.defense.turnoverRate"),
                Arguments.of("missing rate", with(b -> at(b, "matchup.teamB.offense").remove("freeThrowPct")),
                        "matchup.teamB.offense.freeThrowPct"),
                Arguments.of("missing tempo", with(b -> at(b, "matchup.teamA").remove("tempo")),
                        "matchup.teamA.tempo"),
                Arguments.of("adjusted offense without defense",
                        with(b -> at(b, "matchup.teamA").put("adjOffense", 120)), "matchup.teamA.adjDefense"),
                Arguments.of("adjusted defense above 250", with(b -> {
                    at(b, "matchup.teamB").put("adjOffense", 110);
                    at(b, "matchup.teamB").put("adjDefense", 251);
                }), "matchup.teamB.adjDefense"),
                Arguments.of("team id without season", with(b -> at(b, "matchup.teamA").put("teamId", 1181)),
                        "matchup.teamA.season"),
                Arguments.of("season without a team", withTeamA(Map.of("season", 2019)), "matchup.teamA.teamId"),
                Arguments.of("season with a tempo", withTeamA(Map.of("season", 2019, "teamId", 1181, "tempo", 70)),
                        "matchup.teamA.tempo"),
                Arguments.of("team id and name", withTeamA(Map.of("season", 2019, "teamId", 1181, "name", "Duke")),
                        "matchup.teamA.name"),
                Arguments.of("unknown team id", withTeamA(Map.of("season", 2019, "teamId", 9999)),
                        "matchup.teamA.teamId"),
                Arguments.of("unknown team name", with(b -> at(b, "matchup").put("teamB",
                        Map.of("season", 2019, "name", "Gonzaga"))), "matchup.teamB.name"),
                Arguments.of("season never imported", withTeamA(Map.of("season", 2030, "teamId", 1181)),
                        "matchup.teamA.season"),
                Arguments.of("a NUL in a team name", with(b -> at(b, "matchup.teamA").put("name", "Virgi\u0000nia")),
                        "matchup.teamA.name"),
                Arguments.of("a line break in a team name",
                        with(b -> at(b, "matchup.teamB").put("name", "Texas\nTech")), "matchup.teamB.name"),
                Arguments.of("a NUL in a referenced name", withTeamA(Map.of("season", 2019, "name", "Du\u0000ke")),
                        "matchup.teamA.name"),
                Arguments.of("an unknown field with a huge name", with(b -> b.put("x".repeat(20_000), 1)),
                        "x".repeat(40) + "… (20000 characters)"));
    }

    @Test
    void anErrorQuotesOnlyAShortExcerptOfTheInput() {
        HttpResponse<String> response = http.postJson("/api/v1/jobs",
                with(b -> at(b, "matchup").put("venue", "HOME".repeat(50_000))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(1_000);
        assertThat(Http.json(response).get("errors").get(0).get("field").asString()).isEqualTo("matchup.venue");
    }

    @Test
    void anIdempotencyKeyWithAControlCharacterIsRefused() {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L),
                "Idempotency-Key", "order\t17");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get(0).get("message").asString())
                .isEqualTo("must not contain control characters, has U+0009 at 6");
    }

    private static String withTeamA(Map<String, Object> team) {
        return with(b -> at(b, "matchup").put("teamA", team));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void rejectsBadInputNamingTheFieldAndStoresAndPublishesNothing(String name, String body, String field) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.body()).containsExactly(field);
        assertThat(problem.get("detail").asString()).startsWith(field + " ");
        assertThat(storedJobs()).isZero();
        assertThat(services.messageCount(services.chunkQueue()) + services.messageCount(services.interactiveQueue()))
                .isZero();
    }

    @Test
    void saysWhatIsWrongWithATeamReference() {
        assertThat(detail(withTeamA(Map.of("season", 2019, "teamId", 1181, "tempo", 70))))
                .isEqualTo("matchup.teamA.tempo must not be given with season");
        assertThat(detail(withTeamA(Map.of("season", 2019)))).isEqualTo("matchup.teamA.teamId or name is required"
                + " with season");
        assertThat(detail(withTeamA(Map.of("season", 2019, "teamId", 1234))))
                .isEqualTo("matchup.teamA.teamId names no team in season 2019");
        assertThat(detail(withTeamA(Map.of("season", 2018, "name", "Air Force"))))
                .isEqualTo("matchup.teamA.name names no team in season 2018");
        assertThat(detail(withTeamA(Map.of("season", 2030, "name", "Duke"))))
                .isEqualTo("matchup.teamA.season has no imported teams");
    }

    private String detail(String body) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", body);
        assertThat(response.statusCode()).isEqualTo(400);
        return Http.json(response).get("detail").asString();
    }

    @Test
    void aJobOfImportedTeamsStoresTheirProfilesAndTheirSeasonsLeagueAverages() {
        Map<String, Object> body = JobRequests.matchup(1_000, 5L);
        at(body, "matchup").put("teamA", Map.of("season", 2018, "teamId", 1181));
        at(body, "matchup").put("teamB", Map.of("season", 2019, "name", "DUKE"));

        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode job = Http.json(response);
        JsonNode teamA = job.get("matchup").get("teamA");
        JsonNode teamB = job.get("matchup").get("teamB");
        assertThat(List.of(teamA.get("season").asInt(), teamA.get("teamId").asInt(), teamB.get("season").asInt(),
                teamB.get("teamId").asInt())).containsExactly(2018, 1181, 2019, 1181);
        assertThat(teamA.get("tempo").asDouble()).isEqualTo(70.9);
        assertThat(teamB.get("tempo").asDouble()).isEqualTo(73.6);
        assertThat(teamB.get("name").asString()).isEqualTo("Duke");
        // Teams of two seasons: team A's season decides the league averages.
        assertThat(job.get("league")).isEqualTo(json(sampleLeague(2018)));
        JsonNode read = Http.json(http.get("/api/v1/jobs/" + job.get("id").asString()));
        assertThat(read.get("matchup")).isEqualTo(job.get("matchup"));
        assertThat(read.get("league")).isEqualTo(job.get("league"));
    }

    @Test
    void aJobWithOneImportedTeamPlaysInThatTeamsSeason() {
        Map<String, Object> body = JobRequests.matchup(1_000, 5L);
        at(body, "matchup").put("teamB", Map.of("season", 2019, "teamId", 1403));

        JsonNode job = Http.json(http.postJson("/api/v1/jobs", JobRequests.json(body)));

        assertThat(job.get("matchup").get("teamA").get("name").asString()).isEqualTo("Virginia");
        assertThat(job.get("matchup").get("teamA").get("season").isNull()).isTrue();
        assertThat(job.get("matchup").get("teamB").get("name").asString()).isEqualTo("Texas Tech");
        assertThat(job.get("league")).isEqualTo(json(sampleLeague(2019)));
    }

    @Test
    void aJobOfInlineTeamsShowsThemAndTheDefaultLeague() {
        JsonNode job = Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 5L)));

        JsonNode teamA = job.get("matchup").get("teamA");
        assertThat(teamA.get("name").asString()).isEqualTo("Virginia");
        assertThat(teamA.get("tempo").asDouble()).isEqualTo(60.7);
        assertThat(teamA.get("season").isNull()).isTrue();
        assertThat(teamA.get("teamId").isNull()).isTrue();
        assertThat(teamA.get("adjOffense").isNull()).isTrue();
        assertThat(job.get("matchup").get("venue").asString()).isEqualTo("NEUTRAL");
        assertThat(job.get("league")).isEqualTo(json(LeagueAverages.DIVISION_I_2013_2019));
    }

    @Test
    void reimportingASeasonDoesNotChangeAJobAlreadyAccepted() {
        Map<String, Object> body = JobRequests.matchup(1_000, 5L);
        at(body, "matchup").put("teamA", Map.of("season", 2019, "teamId", 1181));
        String id = Http.json(http.postJson("/api/v1/jobs", JobRequests.json(body))).get("id").asString();

        http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE.replace(",73.6,", ",80.0,"));

        JsonNode job = Http.json(http.get("/api/v1/jobs/" + id));
        assertThat(job.get("matchup").get("teamA").get("tempo").asDouble()).isEqualTo(73.6);
        assertThat(job.get("league")).isEqualTo(json(sampleLeague(2019)));
        JsonNode next = Http.json(http.postJson("/api/v1/jobs", JobRequests.json(body)));
        assertThat(next.get("matchup").get("teamA").get("tempo").asDouble()).isEqualTo(80.0);
    }

    private static LeagueAverages sampleLeague(int season) {
        return LeagueAverages.of(TorvikCsv.read(TeamData.SAMPLE).stream().filter(team -> team.season() == season)
                .map(TeamSeason::profile).toList());
    }

    private static JsonNode json(Object value) {
        JsonMapper mapper = JsonMapper.builder().build();
        return mapper.readTree(mapper.writeValueAsString(value));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""})
    void rejectsABodyThatIsNotJson(String contentType) {
        HttpRequest.Builder request = http.request("/api/v1/jobs")
                .POST(HttpRequest.BodyPublishers.ofString(JobRequests.matchupJson(10, 1L)));
        HttpResponse<String> response = http.send(contentType.isEmpty() ? request.build()
                : request.header("Content-Type", contentType).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).get("detail").asString()).startsWith("Content-Type '");
        assertThat(response.headers().firstValue("Accept")).hasValue("application/json");
        assertThat(storedJobs()).isZero();
        assertThat(services.messageCount(services.chunkQueue()) + services.messageCount(services.interactiveQueue()))
                .isZero();
    }

    /** The default {@code tipoff.jobs.max-request-size} is 1 MB: a body of exactly that is read, one more byte is not. */
    @Test
    void refusesABodyAboveTheRequestLimitWithOrWithoutItsLength() {
        String json = JobRequests.matchupJson(1_000, 1L);
        String atTheLimit = json + " ".repeat(1024 * 1024 - json.length());
        String tooLarge = atTheLimit + " ";
        HttpResponse<String> withLength = http.postJson("/api/v1/jobs", tooLarge);
        HttpResponse<String> chunked = http.send(http.request("/api/v1/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(tooLarge.getBytes(StandardCharsets.UTF_8))))
                .build());

        for (HttpResponse<String> response : List.of(withLength, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = Http.json(response);
            assertThat(problem.get("detail").asString())
                    .isEqualTo("the body is larger than the 1048576 bytes allowed (tipoff.jobs.max-request-size)");
            assertThat(problem.get("limit").asLong()).isEqualTo(1024 * 1024);
        }
        assertThat(storedJobs()).isZero();
        assertThat(services.messageCount(services.chunkQueue()) + services.messageCount(services.interactiveQueue()))
                .isZero();
        assertThat(http.postJson("/api/v1/jobs", atTheLimit).statusCode()).isEqualTo(202);
    }

    @Test
    void anUnknownJobIsNotFound() {
        String path = "/api/v1/jobs/" + UUID.randomUUID();
        for (HttpResponse<String> response : List.of(http.get(path), http.get(path + "/result"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void theResultOfAnUnfinishedJobIsAConflictThatGivesItsStatus() {
        JsonNode job = Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 3L)));
        HttpResponse<String> response = http.get("/api/v1/jobs/" + job.get("id").asString() + "/result");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("jobStatus").asString()).isEqualTo("QUEUED");
    }

    @Test
    void listsJobsNewestFirstInPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Http.json(http.postJson("/api/v1/jobs", JobRequests.matchupJson(100, (long) i)))
                    .get("id").asString());
        }
        JsonNode first = Http.json(http.get("/api/v1/jobs?limit=2"));
        assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
        JsonNode second = Http.json(http.get(first.get("next").asString()));
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(second.get("next").isNull()).isTrue();

        assertThat(ids(Http.json(http.get("/api/v1/jobs?status=QUEUED")))).hasSize(3);
        assertThat(ids(Http.json(http.get("/api/v1/jobs?status=COMPLETED")))).isEmpty();
        HttpResponse<String> badStatus = http.get("/api/v1/jobs?status=DONE");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(Http.json(badStatus).get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(http.get("/api/v1/jobs?limit=0").statusCode()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("jobs").forEach(job -> ids.add(job.get("id").asString()));
        return ids;
    }

    private static java.util.Map<String, Object> withChunkSize(java.util.Map<String, Object> body, int chunkSize) {
        body.put("chunkSize", chunkSize);
        return body;
    }
}
