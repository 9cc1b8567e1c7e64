package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * BRACKET_POOL jobs through the whole pipeline: the shared 2018 teams, bracket and ESPN picks imported over HTTP, the
 * pool played by a real worker in chunks, and the same seed giving the same bytes however the job is split.
 */
class PoolPipelineIntegrationTests {

    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http http;
    private static Map<String, String[]> slots;

    @BeforeAll
    static void start() throws Exception {
        Path teams = shared(TeamData.sharedTorvikFile());
        Path seeds = shared(TeamData.sharedFile("tourney_seeds_2013_2019.csv"));
        Path slotFile = shared(TeamData.sharedFile("tourney_slots_2013_2019.csv"));
        Path picks = shared(TeamData.sharedAnchorsFile("espn_whopickedwhom_men_2018.csv"));
        TestServices.Environment services = TestServices.newEnvironment();
        api = Apps.api(services);
        http = new Http(Apps.port(api));
        assertThat(http.post("/api/v1/teams/import", "text/csv", Files.readString(teams)).statusCode())
                .isEqualTo(200);
        assertThat(http.postFiles("/api/v1/seasons/2018/bracket", Map.of("seeds", Files.readString(seeds),
                "slots", Files.readString(slotFile))).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/seasons/2018/picks", "text/csv", Files.readString(picks)).statusCode())
                .isEqualTo(200);
        slots = new HashMap<>();
        for (JsonNode slot : Http.json(http.get("/api/v1/seasons/2018/bracket")).get("slots")) {
            slots.put(slot.get("slot").asString(), new String[] {slot.get("strongSeed").asString(),
                    slot.get("weakSeed").asString()});
        }
        worker = Apps.worker(services, "tipoff.worker.threads=2");
    }

    private static Path shared(Optional<Path> file) {
        Assumptions.assumeTrue(file.isPresent(), "the shared data lives beside the project, in ../shared/data");
        return file.get();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static Map<String, Object> poolJob(long simulations, long seed, int chunkSize) {
        return poolJob(simulations, seed, chunkSize, Map.of());
    }

    private static Map<String, Object> poolJob(long simulations, long seed, int chunkSize,
                                               Map<String, String> results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "BRACKET_POOL");
        body.put("simulations", simulations);
        body.put("seed", seed);
        body.put("chunkSize", chunkSize);
        body.put("pool", Map.of("season", 2018, "entrants", 100, "scoring", List.of(10, 20, 40, 80, 160, 320),
                "results", results));
        return body;
    }

    /** 2018's First Four as played (tourney_games_2013_2019.csv, days 134 and 135). */
    private static final Map<String, String> FIRST_FOUR = Map.of("W11", "W11a", "W16", "W16b", "X11", "X11b",
            "Z16", "Z16b");

    @Test
    void aPoolThatLocksAfterTheFirstFourHasItsWinnersInEveryBracketItAnswers() {
        String id = completed(poolJob(400, 4, 200, FIRST_FOUR));
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + id + "/result"));
        for (Map.Entry<String, String> game : FIRST_FOUR.entrySet()) {
            assertThat(result.get("bracket").get(game.getKey()).asString()).as(game.getKey())
                    .isEqualTo(game.getValue());
            for (String baseline : List.of("chalk", "favorites")) {
                assertThat(result.get("baselines").get(baseline).get("bracket").get(game.getKey()).asString())
                        .as(baseline + " " + game.getKey()).isEqualTo(game.getValue());
            }
        }
        for (JsonNode pick : result.get("picks")) {
            if (FIRST_FOUR.containsKey(pick.get("slot").asString())) {
                assertThat(pick.get("chance").asDouble()).isEqualTo(1.0);
                assertThat(pick.get("publicShare").asDouble()).isEqualTo(1.0);
            }
        }
        assertThat(result.get("bracket").size()).isEqualTo(67);
    }

    @Test
    void thePoolsEntryIsAWholeValidBracketAtLeastAsLikelyToWinAsEitherBaseline() {
        String id = completed(poolJob(600, 4, 200));
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + id + "/result"));
        assertThat(result.get("simulations").asLong()).isEqualTo(600);
        assertThat(result.get("publicPicks").asString()).isEqualTo("imported");
        JsonNode bracket = result.get("bracket");
        assertThat(bracket.size()).isEqualTo(67);
        for (Map.Entry<String, String[]> slot : slots.entrySet()) {
            String pick = bracket.get(slot.getKey()).asString();
            assertThat(pick).as(slot.getKey()).isIn(side(bracket, slot.getValue()[0]),
                    side(bracket, slot.getValue()[1]));
        }
        double win = result.get("winProbability").asDouble();
        for (String baseline : List.of("chalk", "favorites")) {
            assertThat(win).as(baseline).isGreaterThanOrEqualTo(
                    result.get("baselines").get(baseline).get("winProbability").asDouble());
            assertThat(result.get("baselines").get(baseline).get("bracket").size()).isEqualTo(67);
        }
        double places = 0;
        for (JsonNode place : result.get("places")) {
            places += place.asDouble();
        }
        assertThat(result.get("places").size()).isEqualTo(100);
        assertThat(places).isCloseTo(1.0, offset(1e-9));
        assertThat(result.get("picks").size()).isEqualTo(67);
        assertThat(result.get("expectedScore").asDouble()).isBetween(300.0, 1920.0);

        String summary = http.get("/api/v1/jobs/" + id + "/result", "text/plain").body();
        assertThat(summary).contains("600 simulated pools of 100 entrants").contains("favorites");
    }

    /** A seed names itself; a slot, the seed the bracket picked to win it. */
    private static String side(JsonNode bracket, String side) {
        return bracket.has(side) ? bracket.get(side).asString() : side;
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheChunks() {
        String inThree = http.get("/api/v1/jobs/" + completed(poolJob(450, 9, 150)) + "/result").body();
        String inOne = http.get("/api/v1/jobs/" + completed(poolJob(450, 9, 450)) + "/result").body();
        String otherSeed = http.get("/api/v1/jobs/" + completed(poolJob(450, 10, 450)) + "/result").body();
        assertThat(inOne).isEqualTo(inThree);
        assertThat(otherSeed).isNotEqualTo(inThree);
    }

    private static String completed(Map<String, Object> body) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Http.json(response).get("id").asString();
        http.awaitCompleted(id);
        return id;
    }
}
