package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Live March through the whole pipeline: a bracket with a game decided and one in progress, and a matchup played from
 * its state, each played by a real worker in chunks; the same seed gives the same bytes however the job is split.
 */
class LivePipelineIntegrationTests {

    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http http;

    @BeforeAll
    static void start() {
        TestServices.Environment services = TestServices.newEnvironment();
        api = Apps.api(services);
        http = new Http(Apps.port(api));
        assertThat(http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
        worker = Apps.worker(services, "tipoff.worker.threads=2");
    }

    @AfterAll
    static void stop() {
        worker.close();
        api.close();
    }

    /**
     * Virginia, Duke, Texas Tech, and the winner of Michigan St against Air Force: Air Force won the play-in and then
     * beat Virginia; Duke and Texas Tech are in the second half, Texas Tech up 4 with 3:00 left.
     */
    private static Map<String, Object> liveBracket(long seed, int chunkSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TOURNAMENT");
        body.put("simulations", 20_000);
        body.put("seed", seed);
        body.put("chunkSize", chunkSize);
        body.put("tournament", Map.of(
                "teams", List.of(seeded("W01", 1438), seeded("W02", 1181), seeded("W03", 1403),
                        seeded("W04a", 1277), seeded("W04b", 1102)),
                "slots", List.of(slot("W04", "W04a", "W04b"), slot("R1W1", "W01", "W04"),
                        slot("R1W2", "W02", "W03"), slot("R2W1", "R1W1", "R1W2")),
                "results", Map.of("R1W1", "W04b"),
                "inProgress", Map.of("R1W2", Map.of("period", 2, "secondsLeft", 180, "teamAPoints", 61,
                        "teamBPoints", 65))));
        return body;
    }

    private static Map<String, Object> seeded(String seed, int teamId) {
        return Map.of("seed", seed, "team", Map.of("season", 2019, "teamId", teamId));
    }

    private static Map<String, Object> slot(String slot, String strong, String weak) {
        return Map.of("slot", slot, "strongSeed", strong, "weakSeed", weak);
    }

    private static double p(JsonNode result, String seed, String round) {
        for (JsonNode team : result.get("teams")) {
            if (team.get("seed").asString().equals(seed)) {
                return team.get("rounds").get(round).get("p").asDouble();
            }
        }
        throw new AssertionError("no team " + seed);
    }

    @Test
    void decidedGamesAreCertainAndAGameInProgressIsPlayedFromItsState() {
        HttpResponse<String> inFour = http.get("/api/v1/jobs/" + completed(liveBracket(7, 5_000)) + "/result");
        JsonNode result = Http.json(inFour);
        assertThat(p(result, "W04b", "F4")).isEqualTo(1.0);
        assertThat(p(result, "W04b", "NCG")).isEqualTo(1.0);
        assertThat(p(result, "W04a", "F4")).isZero();
        assertThat(p(result, "W01", "NCG")).isZero();
        assertThat(p(result, "W01", "CHAMP")).isZero();
        // Down 4 with 3:00 left, Duke reaches the final less often than Texas Tech.
        assertThat(p(result, "W02", "NCG")).isBetween(0.05, 0.45);
        assertThat(p(result, "W02", "NCG") + p(result, "W03", "NCG")).isEqualTo(1.0);

        String inOne = http.get("/api/v1/jobs/" + completed(liveBracket(7, 20_000)) + "/result").body();
        assertThat(inOne).isEqualTo(inFour.body());
    }

    @Test
    void aMatchupFromItsStateGivesTheSameBytesInAnyChunks() {
        Map<String, Object> request = JobRequests.matchup(20_000, 3L);
        JobRequests.at(request, "matchup").put("state", Map.of("period", 2, "secondsLeft", 120, "teamAPoints", 60,
                "teamBPoints", 55, "possession", "TEAM_A"));
        request.put("chunkSize", 5_000);
        String inFour = http.get("/api/v1/jobs/" + completed(request) + "/result").body();
        request.put("chunkSize", 20_000);
        String inOne = http.get("/api/v1/jobs/" + completed(request) + "/result").body();
        assertThat(inOne).isEqualTo(inFour);
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + completed(request) + "/result"));
        assertThat(result.get("teamA").get("winProbability").asDouble()).isBetween(0.80, 0.99);
        assertThat(result.get("teamA").get("points").get("percentiles").get("p5").asInt()).isGreaterThanOrEqualTo(60);

        Map<String, Object> horn = JobRequests.matchup(5_000, 3L);
        JobRequests.at(horn, "matchup").put("state", Map.of("period", 2, "secondsLeft", 0, "teamAPoints", 70,
                "teamBPoints", 69));
        JsonNode won = Http.json(http.get("/api/v1/jobs/" + completed(horn) + "/result"));
        assertThat(won.get("teamA").get("winProbability").asDouble()).isEqualTo(1.0);
    }

    private static String completed(Map<String, Object> body) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Http.json(response).get("id").asString();
        http.awaitCompleted(id);
        return id;
    }
}
