package io.tipoff.api.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The HTTP contract of bracket pools: importing the public's picks of a season's bracket (the shared 2018 ESPN file),
 * and BRACKET_POOL jobs accepted or refused with the field at fault. The jobs are played in the worker's tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class PoolApiIntegrationTests {

    private static final String PICKS = "/api/v1/seasons/2018/picks";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String picks;

    @BeforeEach
    void theTwentyEighteenBracketWithoutPicks() throws Exception {
        http = new Http(port);
        picks = Files.readString(shared(TeamData.sharedAnchorsFile("espn_whopickedwhom_men_2018.csv")));
        if (jdbc.sql("select count(*) from team_seasons where season = 2018").query(Long.class).single() == 0) {
            assertThat(http.post("/api/v1/teams/import", "text/csv",
                    Files.readString(shared(TeamData.sharedTorvikFile()))).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> bracket = http.postFiles("/api/v1/seasons/2018/bracket", Map.of(
                "seeds", Files.readString(shared(TeamData.sharedFile("tourney_seeds_2013_2019.csv"))),
                "slots", Files.readString(shared(TeamData.sharedFile("tourney_slots_2013_2019.csv")))));
        assertThat(bracket.statusCode()).as(bracket.body()).isEqualTo(200);
        jdbc.sql("delete from public_picks").update();
    }

    private static Path shared(java.util.Optional<Path> file) {
        Assumptions.assumeTrue(file.isPresent(), "the shared data lives beside the project, in ../shared/data");
        return file.get();
    }

    @Test
    void aSeasonsPicksAreImportedAndReadBackBySeed() {
        HttpResponse<String> imported = http.post(PICKS, "text/csv", picks);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Http.json(imported).get("entries").asInt()).isEqualTo(64);
        assertThat(Http.json(imported).get("seeds").asInt()).isEqualTo(64);

        JsonNode stored = Http.json(http.get(PICKS));
        assertThat(stored).hasSize(64);
        JsonNode arizona = null;
        for (JsonNode seed : stored) {
            if (seed.get("seed").asString().equals("Y04")) {
                arizona = seed;
            }
        }
        assertThat(arizona).isNotNull();
        assertThat(arizona.get("teamKey").asString()).isEqualTo("1112");
        assertThat(arizona.get("shares").get(0).asDouble()).isEqualTo(0.902);
        assertThat(arizona.get("shares").get(5).asDouble()).isEqualTo(0.049);
        assertThat(http.get("/api/v1/seasons/2017/picks").statusCode()).isEqualTo(404);
    }

    @Test
    void picksOfATeamOutsideTheBracketNameTheLineAndColumnAndChangeNothing() {
        assertThat(http.post(PICKS, "text/csv", picks).statusCode()).isEqualTo(200);
        // Alabama (1104, line 2) replaced by Air Force, which is not in the 2018 bracket.
        String wrong = picks.replaceFirst("\n2018,Alabama,333,,1104,", "\n2018,Alabama,333,,1102,");
        HttpResponse<String> refused = http.post(PICKS, "text/csv", wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("kaggle_team_id");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("message").asString()).contains("1102").contains("not in the bracket");
        assertThat(Http.json(http.get(PICKS))).hasSize(64);
    }

    @Test
    void picksOfASeasonWithoutABracketOrWithoutLinesAreRefusedNamingTheSeason() {
        jdbc.sql("delete from bracket_seeds where season = 2018").update();
        HttpResponse<String> noBracket = http.post(PICKS, "text/csv", picks);
        assertThat(noBracket.statusCode()).isEqualTo(400);
        assertThat(Http.json(noBracket).get("errors").get(0).get("field").asString()).isEqualTo("season");
        assertThat(Http.json(noBracket).get("errors").get(0).get("message").asString())
                .contains("no imported bracket");

        HttpResponse<String> otherSeason = http.post("/api/v1/seasons/2017/picks", "text/csv", picks);
        assertThat(otherSeason.statusCode()).isEqualTo(400);
        assertThat(Http.json(otherSeason).get("errors").get(0).get("field").asString()).isEqualTo("season");
    }

    @Test
    void aPoolJobIsAcceptedAndSplitLikeATournament() {
        assertThat(http.post(PICKS, "text/csv", picks).statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = http.postJson("/api/v1/jobs", JobRequests.json(pool(Map.of())));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = Http.json(accepted);
        assertThat(job.get("type").asString()).isEqualTo("BRACKET_POOL");
        assertThat(job.get("chunks").asInt()).isEqualTo(3);
        assertThat(job.get("tournament").get("season").asInt()).isEqualTo(2018);
        http.delete("/api/v1/jobs/" + job.get("id").asString());
    }

    static Stream<Arguments> badPools() {
        return Stream.of(
                Arguments.of(Map.of("entrants", 1), "pool.entrants", "at least 2"),
                Arguments.of(Map.of("scoring", List.of(10, 20, 40, 80, 160)), "pool.scoring", "must hold 6"),
                Arguments.of(Map.of("scoring", List.of(10, 20, 40, 80, 160, 320, 640)), "pool.scoring",
                        "must hold 6"),
                Arguments.of(Map.of("scoring", List.of(10, 20, -40, 80, 160, 320)), "pool.scoring[2]",
                        "must not be negative"),
                Arguments.of(Map.of("season", 2031), "pool.season", "no imported bracket"),
                Arguments.of(Map.of("asOfDay", 400), "pool.asOfDay", "at most"),
                Arguments.of(Map.of("results", Map.of("R9X1", "W01")), "pool.results.R9X1",
                        "is no slot of the bracket"),
                Arguments.of(Map.of("results", Map.of("W16", "W01")), "pool.results.W16", "W01 does not play in W16"),
                Arguments.of(Map.of("results", Map.of("W16", "W16a", "R1W1", "W16b")), "pool.results.R1W1",
                        "W16b cannot have won R1W1: W16 was won by W16a"),
                Arguments.of(Map.of("resultsThroughDay", 400), "pool.resultsThroughDay", "at most"));
    }

    @ParameterizedTest
    @MethodSource("badPools")
    void aBadPoolIsRefusedNamingTheField(Map<String, Object> change, String field, String message) {
        long before = storedJobs();
        HttpResponse<String> refused = http.postJson("/api/v1/jobs", JobRequests.json(pool(change)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = Http.json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
        assertThat(storedJobs()).isEqualTo(before);
    }

    private long storedJobs() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    @Test
    void aPoolThatLocksLaterStoresItsDecidedGamesWithEveryGameTheWinnersWonOnTheWay() {
        HttpResponse<String> accepted = http.postJson("/api/v1/jobs", JobRequests.json(pool(Map.of("results",
                Map.of("W16", "W16b", "R2W1", "W01")))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode results = Http.json(accepted).get("tournament").get("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get("W16").asString()).isEqualTo("W16b");
        assertThat(results.get("R1W1").asString()).isEqualTo("W01");
        assertThat(results.get("R2W1").asString()).isEqualTo("W01");
        http.delete("/api/v1/jobs/" + Http.json(accepted).get("id").asString());
    }

    @Test
    void aPoolTakesTheSeasonsImportedResultsThroughADayAndRefusesAResultThatContradictsThem() throws Exception {
        HttpResponse<String> imported = http.post("/api/v1/seasons/2018/results", "text/csv",
                Files.readString(shared(TeamData.sharedFile("tourney_games_2013_2019.csv"))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        // Days 134 and 135 of 2018: the First Four.
        HttpResponse<String> accepted = http.postJson("/api/v1/jobs", JobRequests.json(pool(Map.of(
                "resultsThroughDay", 135))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode results = Http.json(accepted).get("tournament").get("results");
        assertThat(results.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("W11", "W16", "X11", "Z16");
        assertThat(results.get("W16").asString()).isEqualTo("W16b");
        http.delete("/api/v1/jobs/" + Http.json(accepted).get("id").asString());

        long before = storedJobs();
        HttpResponse<String> refused = http.postJson("/api/v1/jobs", JobRequests.json(pool(Map.of(
                "resultsThroughDay", 135, "results", Map.of("W16", "W16a")))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = Http.json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("pool.results.W16");
        assertThat(error.get("message").asString()).contains("says W16a won, the imported results W16b");
        assertThat(storedJobs()).isEqualTo(before);
    }

    @Test
    void aPoolJobWithoutItsPoolIsRefused() {
        Map<String, Object> body = new LinkedHashMap<>(pool(Map.of()));
        body.remove("pool");
        HttpResponse<String> refused = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("pool");
    }

    private static Map<String, Object> pool(Map<String, Object> change) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("season", 2018);
        pool.put("entrants", 100);
        pool.put("scoring", List.of(10, 20, 40, 80, 160, 320));
        pool.putAll(change);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "BRACKET_POOL");
        body.put("simulations", 25_000);
        body.put("seed", 1);
        body.put("pool", pool);
        return body;
    }
}
