package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

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
 * TOURNAMENT jobs through the whole pipeline: a small bracket of imported 2019 teams with a First Four game, given
 * inline, played by a real worker in chunks.
 */
class TournamentPipelineIntegrationTests {

    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http http;

    @BeforeAll
    static void start() {
        services = TestServices.newEnvironment();
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

    /** Virginia, Duke, Texas Tech, and the winner of Michigan St against Air Force in a play-in. */
    private static Map<String, Object> bracketJob(long simulations, long seed, int chunkSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TOURNAMENT");
        body.put("simulations", simulations);
        body.put("seed", seed);
        body.put("chunkSize", chunkSize);
        body.put("tournament", Map.of(
                "teams", List.of(seeded("W01", 1438), seeded("W02", 1181), seeded("W03", 1403),
                        seeded("W04a", 1277), seeded("W04b", 1102)),
                "slots", List.of(slot("W04", "W04a", "W04b"), slot("R1W1", "W01", "W04"),
                        slot("R1W2", "W02", "W03"), slot("R2W1", "R1W1", "R1W2"))));
        return body;
    }

    private static Map<String, Object> seeded(String seed, int teamId) {
        return Map.of("seed", seed, "team", Map.of("season", 2019, "teamId", teamId));
    }

    private static Map<String, Object> slot(String slot, String strong, String weak) {
        return Map.of("slot", slot, "strongSeed", strong, "weakSeed", weak);
    }

    @Test
    void everySimulatedTournamentHasOneChampionAndEveryRoundAddsUp() {
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + completed(bracketJob(3_001, 7, 500)) + "/result"));
        assertThat(result.get("simulations").asLong()).isEqualTo(3_001);
        double champions = 0;
        double finalists = 0;
        for (JsonNode team : result.get("teams")) {
            champions += team.get("rounds").get("CHAMP").get("p").asDouble();
            finalists += team.get("rounds").get("NCG").get("p").asDouble();
        }
        assertThat(champions).isCloseTo(1.0, offset(1e-9));
        assertThat(finalists).isCloseTo(2.0, offset(1e-9));
        JsonNode playIn = result.get("teams").get(3).get("rounds");
        assertThat(result.get("teams").get(3).get("name").asString()).isEqualTo("Michigan St");
        assertThat(playIn.propertyNames()).containsExactly("F4", "NCG", "CHAMP");
        assertThat(playIn.get("F4").get("p").asDouble()).isGreaterThan(0.8);
        assertThat(result.get("slots")).hasSize(4);

        String summary = http.get("/api/v1/jobs/" + completed(bracketJob(3_001, 7, 500)) + "/result", "text/plain")
                .body();
        assertThat(summary).contains("3,001 simulated tournaments of 5 teams").contains("Virginia");
    }

    @Test
    void theSameSeedGivesTheSameTableWhateverTheChunks() {
        String inSeven = http.get("/api/v1/jobs/" + completed(bracketJob(3_000, 11, 450)) + "/result").body();
        String inOne = http.get("/api/v1/jobs/" + completed(bracketJob(3_000, 11, 3_000)) + "/result").body();
        String otherSeed = http.get("/api/v1/jobs/" + completed(bracketJob(3_000, 12, 3_000)) + "/result").body();
        assertThat(inOne).isEqualTo(inSeven);
        assertThat(otherSeed).isNotEqualTo(inSeven);
    }

    @Test
    void aBracketThatIsNotATreeIsRejectedNamingTheSlot() {
        Map<String, Object> body = bracketJob(100, 1, 100);
        @SuppressWarnings("unchecked")
        Map<String, Object> tournament = new LinkedHashMap<>((Map<String, Object>) body.get("tournament"));
        tournament.put("slots", List.of(slot("W04", "W04a", "W04b"), slot("R1W1", "W01", "W05"),
                slot("R1W2", "W02", "W03"), slot("R2W1", "R1W1", "R1W2")));
        body.put("tournament", tournament);
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("tournament.slots");
        assertThat(error.get("slot").asString()).isEqualTo("R1W1");
        assertThat(error.get("message").asString()).startsWith("names W05");
    }

    private static String completed(Map<String, Object> body) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Http.json(response).get("id").asString();
        http.awaitCompleted(id);
        return id;
    }
}
