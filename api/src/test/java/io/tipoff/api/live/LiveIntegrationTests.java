package io.tipoff.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
 * What is known of a game or a bracket being played: a matchup's {@code state}, a tournament's {@code results},
 * {@code resultsThroughDay} and {@code inProgress}, and the import of a season's played games. Every mistake is a 400
 * naming the field, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class LiveIntegrationTests {

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
        jdbc.sql("delete from tournament_results").update();
    }

    private long storedJobs() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    private static Map<String, Object> state(int period, int secondsLeft, int a, int b, String possession) {
        Map<String, Object> state = new LinkedHashMap<>(Map.of("period", period, "secondsLeft", secondsLeft,
                "teamAPoints", a, "teamBPoints", b));
        if (possession != null) {
            state.put("possession", possession);
        }
        return state;
    }

    @Test
    void aMatchupInProgressIsAcceptedAndShowsItsState() {
        Map<String, Object> body = JobRequests.matchup(10_000, 1L);
        JobRequests.at(body, "matchup").put("state", state(2, 120, 60, 55, "TEAM_A"));
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode state = Http.json(response).get("matchup").get("state");
        assertThat(state.get("secondsLeft").asInt()).isEqualTo(120);
        assertThat(state.get("possession").asString()).isEqualTo("TEAM_A");
    }

    static Stream<Arguments> badStates() {
        return Stream.of(
                Arguments.of(state(0, 10, 0, 0, null), "matchup.state.period", "must be 1 or 2"),
                Arguments.of(state(2, -1, 0, 0, null), "matchup.state.secondsLeft", "between 0 and 1200"),
                Arguments.of(state(2, 1201, 0, 0, null), "matchup.state.secondsLeft", "between 0 and 1200"),
                Arguments.of(state(3, 301, 0, 0, null), "matchup.state.secondsLeft", "between 0 and 300"),
                Arguments.of(state(2, 10, -1, 0, null), "matchup.state.teamAPoints", "between 0"),
                Arguments.of(state(2, 10, 0, 0, "TEAM_C"), "matchup.state.possession", null),
                Arguments.of(new LinkedHashMap<>(Map.of("period", 2, "secondsLeft", 10, "teamAPoints", 3)),
                        "matchup.state.teamBPoints", "is required"));
    }

    @ParameterizedTest
    @MethodSource("badStates")
    void aStateThatCannotBeIsA400NamingTheField(Map<String, Object> state, String field, String message) {
        Map<String, Object> body = JobRequests.matchup(10_000, 1L);
        JobRequests.at(body, "matchup").put("state", state);
        assertBadRequest(body, field, message);
    }

    @Test
    void resultsFixTheirGamesAndThoseOnTheWinnersWay() {
        Map<String, Object> body = JobRequests.inlineBracket(8, 1_000, 3);
        // S3 won G5, so it won G2 before; G1 was S1's.
        tournament(body).put("results", Map.of("G1", "S1", "G5", "S3"));
        tournament(body).put("inProgress", Map.of("G3", state(2, 300, 40, 44, null)));
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode tournament = Http.json(response).get("tournament");
        assertThat(tournament.get("results").toString()).isEqualTo("{\"G1\":\"S1\",\"G2\":\"S3\",\"G5\":\"S3\"}");
        assertThat(tournament.get("inProgress").get("G3").get("teamBPoints").asInt()).isEqualTo(44);
    }

    static Stream<Arguments> badResults() {
        return Stream.of(
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("results", Map.of("G9", "S1")),
                        "tournament.results.G9", "is no slot of the bracket"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("results", Map.of("G1", "S5")),
                        "tournament.results.G1", "S5 does not play in G1"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("results", Map.of("G1", "S9")),
                        "tournament.results.G1", "no seed of the bracket"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("results", Map.of("G1", "S1", "G5", "S2")),
                        "tournament.results.G5", "S2 cannot have won G5: G1 was won by S1"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("inProgress",
                        Map.of("G5", state(2, 60, 50, 50, null))), "tournament.inProgress.G5", "G1 is decided"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("inProgress",
                        Map.of("G1", state(2, 1300, 50, 50, null))), "tournament.inProgress.G1.secondsLeft",
                        "between 0 and 1200"),
                Arguments.of((Consumer<Map<String, Object>>) t -> t.put("resultsThroughDay", 137),
                        "tournament.resultsThroughDay", "imported with its id"));
    }

    @ParameterizedTest
    @MethodSource("badResults")
    void aResultThatCannotBeIsA400NamingItsSlot(Consumer<Map<String, Object>> change, String field, String message) {
        Map<String, Object> body = JobRequests.inlineBracket(8, 1_000, 3);
        change.accept(tournament(body));
        assertBadRequest(body, field, message);
    }

    @Test
    void playedGamesAreImportedAndAJobMayAskForTheBracketAsOfADay() throws Exception {
        String teams = shared("torvik_teams_2013_2019.csv");
        assertThat(http.post("/api/v1/teams/import", "text/csv", teams).statusCode()).isEqualTo(200);
        HttpResponse<String> bracket = http.postFiles("/api/v1/seasons/2019/bracket", Map.of(
                "seeds", shared("tourney_seeds_2013_2019.csv"), "slots", shared("tourney_slots_2013_2019.csv")));
        assertThat(bracket.statusCode()).as(bracket.body()).isEqualTo(200);

        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "TOURNAMENT", "simulations", 1_000,
                "tournament", Map.of("season", 2019, "resultsThroughDay", 137)));
        assertBadRequest(body, "tournament.resultsThroughDay", "has no imported results");

        HttpResponse<String> imported = http.post("/api/v1/seasons/2019/results", "text/csv",
                shared("tourney_games_2013_2019.csv"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Http.json(imported).get("games").asInt()).isEqualTo(67);
        assertThat(Http.json(imported).get("results").size()).isEqualTo(67);
        assertThat(Http.json(http.get("/api/v1/seasons/2019/results")).get("played").size()).isEqualTo(67);

        HttpResponse<String> job = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
        // The First Four and the round of 64: 4 + 32 games decided.
        assertThat(Http.json(job).get("tournament").get("results").size()).isEqualTo(36);

        HttpResponse<String> wrongLine = http.post("/api/v1/seasons/2019/results", "text/csv",
                "Season,DayNum,WTeamID,WScore,LTeamID,LScore\n2019,136,1181,70,1205,80\n");
        assertThat(wrongLine.statusCode()).isEqualTo(400);
        assertThat(Http.json(wrongLine).get("errors").get(0).get("line").asInt()).isEqualTo(2);
        HttpResponse<String> otherSeason = http.post("/api/v1/seasons/2018/results", "text/csv",
                "Season,DayNum,WTeamID,WScore,LTeamID,LScore\n2019,136,1181,80,1205,70\n");
        assertThat(otherSeason.statusCode()).isEqualTo(400);
        HttpResponse<String> notInBracket = http.post("/api/v1/seasons/2019/results", "text/csv",
                "Season,DayNum,WTeamID,WScore,LTeamID,LScore\n2019,136,1181,80,1438,70\n");
        assertThat(notInBracket.statusCode()).as(notInBracket.body()).isEqualTo(400);
        assertThat(Http.json(http.get("/api/v1/seasons/2019/results")).get("played").size()).isEqualTo(67);
    }

    private void assertBadRequest(Map<String, Object> body, String field, String message) {
        long before = storedJobs();
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        if (message != null) {
            assertThat(error.get("message").asString()).contains(message);
        }
        assertThat(storedJobs()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tournament(Map<String, Object> body) {
        Map<String, Object> tournament = new LinkedHashMap<>((Map<String, Object>) body.get("tournament"));
        body.put("tournament", tournament);
        return tournament;
    }

    private static String shared(String name) throws Exception {
        Path file = TeamData.sharedFile(name).orElse(null);
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project, in ../shared/data/ncaa");
        return Files.readString(file);
    }
}
