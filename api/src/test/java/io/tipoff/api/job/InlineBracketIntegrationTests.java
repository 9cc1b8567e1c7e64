package io.tipoff.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

/**
 * Brackets given inline in a TOURNAMENT job: accepted whichever way their first team is given, and every mistake in
 * one a 400 naming the field (and the slot), with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class InlineBracketIntegrationTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http;

    @BeforeEach
    void emptySystem() {
        http = new Http(port);
        jdbc.sql(TestServices.DELETE_JOBS).update();
        assertThat(http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
    }

    private long storedJobs() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    @Test
    void aBracketWhoseFirstTeamIsInlineIsAccepted() {
        HttpResponse<String> response = http.postJson("/api/v1/jobs",
                JobRequests.json(JobRequests.inlineBracket(8, 1_000, 3)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = Http.json(response);
        assertThat(job.get("type").asString()).isEqualTo("TOURNAMENT");
        assertThat(storedJobs()).isEqualTo(1);
    }

    @Test
    void anInlineFirstTeamBeforeAnImportedOnePlaysAgainstTheImportedSeasonsAverages() {
        Map<String, Object> body = JobRequests.inlineBracket(4, 1_000, 3);
        seeded(body).get(1).put("team", Map.of("season", 2019, "teamId", 1181));
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        HttpResponse<String> inline = http.postJson("/api/v1/jobs",
                JobRequests.json(JobRequests.inlineBracket(4, 1_000, 3)));
        assertThat(Http.json(response).get("league").get("tempo").asDouble())
                .isNotEqualTo(Http.json(inline).get("league").get("tempo").asDouble());
    }

    @Test
    void aBracketWhoseModelNoWorkerCanHoldIsRefusedNamingTheLimit() {
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = http.postJson("/api/v1/jobs",
                    JobRequests.json(JobRequests.inlineBracket(512, 10_000, attempt)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = Http.json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("tournament.teams");
            assertThat(error.get("message").asString()).isEqualTo("needs up to 15.0 GB of model memory on a worker "
                    + "(a bracket of 512 teams, 130816 pairs of teams that can meet, 120 KB each); the limit is 300 MB "
                    + "(tipoff.jobs.max-model-memory)");
        }
        assertThat(storedJobs()).isZero();
        assertThat(http.postJson("/api/v1/jobs", JobRequests.json(JobRequests.inlineBracket(64, 1_000, 1)))
                .statusCode()).isEqualTo(202);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a seed given twice", (Consumer<Map<String, Object>>) b -> seeded(b).get(1).put("seed",
                        "S1"), "tournament.teams", "seed given to two teams"),
                Arguments.of("a team twice", (Consumer<Map<String, Object>>) b -> team(b, 1).put("name", "Team 1"),
                        "tournament.teams", "is in the bracket twice"),
                Arguments.of("a slot naming nothing", (Consumer<Map<String, Object>>) b -> slots(b).get(0)
                        .put("weakSeed", "S99"), "tournament.slots", "names S99, which is neither a seed nor a slot"),
                Arguments.of("a missing final", (Consumer<Map<String, Object>>) b -> slots(b).remove(6),
                        "tournament.slots", "a slot joining them is missing"),
                Arguments.of("one team", (Consumer<Map<String, Object>>) b -> {
                    seeded(b).subList(1, 8).clear();
                    slots(b).clear();
                }, "tournament.teams", "at least two teams"),
                Arguments.of("no slots", (Consumer<Map<String, Object>>) b -> slots(b).clear(), "tournament.teams",
                        "plays in no slot"),
                Arguments.of("a slot named like a seed", (Consumer<Map<String, Object>>) b -> slots(b).get(0)
                        .put("slot", "S8"), "tournament.slots", null),
                Arguments.of("a team without a seed", (Consumer<Map<String, Object>>) b -> seeded(b).get(0)
                        .remove("seed"), "tournament.teams[0].seed", "is required"),
                Arguments.of("a team without a profile", (Consumer<Map<String, Object>>) b -> seeded(b).get(0)
                        .remove("team"), "tournament.teams[0].team", "is required"),
                Arguments.of("a NUL in a seed", (Consumer<Map<String, Object>>) b -> seeded(b).get(0)
                        .put("seed", "S\u00001"), "tournament.teams[0].seed", "must not contain control characters"),
                Arguments.of("a NUL in a slot", (Consumer<Map<String, Object>>) b -> slots(b).get(0)
                        .put("strongSeed", "S\u00001"), "tournament.slots[0].strongSeed",
                        "must not contain control characters"),
                Arguments.of("a NUL in a team name", (Consumer<Map<String, Object>>) b -> team(b, 2)
                        .put("name", "Team\u00003"), "tournament.teams[2].team.name",
                        "must not contain control characters"),
                Arguments.of("a season with teams", (Consumer<Map<String, Object>>) b -> tournament(b)
                        .put("season", 2019), "tournament", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aBracketMistakeIsA400NamingTheField(String mistake, Consumer<Map<String, Object>> change, String field,
                                             String message) {
        Map<String, Object> body = JobRequests.inlineBracket(8, 1_000, 3);
        change.accept(body);
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        if (message != null) {
            assertThat(error.get("message").asString()).contains(message);
        }
        assertThat(storedJobs()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tournament(Map<String, Object> body) {
        Map<String, Object> tournament = new LinkedHashMap<>((Map<String, Object>) body.get("tournament"));
        tournament.put("teams", new ArrayList<>((List<Object>) tournament.get("teams")));
        tournament.put("slots", new ArrayList<>((List<Object>) tournament.get("slots")));
        body.put("tournament", tournament);
        return tournament;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> seeded(Map<String, Object> body) {
        return (List<Map<String, Object>>) (List<?>) tournament(body).get("teams");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> slots(Map<String, Object> body) {
        return (List<Map<String, Object>>) (List<?>) tournament(body).get("slots");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> team(Map<String, Object> body, int index) {
        return (Map<String, Object>) seeded(body).get(index).get("team");
    }
}
