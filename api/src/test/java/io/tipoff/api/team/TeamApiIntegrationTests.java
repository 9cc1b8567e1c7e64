package io.tipoff.api.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** The HTTP contract of team data: importing Torvik CSV, listing teams and seasons, naming imported teams in jobs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiApplication.CONFIG_NAME, "tipoff.teams.max-upload-size=1MB"})
class TeamApiIntegrationTests {

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
    void noTeams() {
        http = new Http(port);
        jdbc.sql(TestServices.DELETE_JOBS).update();
        jdbc.sql("delete from team_seasons").update();
        jdbc.sql("delete from seasons").update();
    }

    private HttpResponse<String> importCsv(String csv) {
        return http.post("/api/v1/teams/import", "text/csv", csv);
    }

    private static String sharedFile() throws Exception {
        Path file = TeamData.sharedTorvikFile().orElse(null);
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project, in ../shared/data/ncaa");
        return Files.readString(file);
    }

    /** Every stored row of both tables, so that a refused import can be shown to have changed nothing. */
    private List<String> storedRows(boolean withImportTimes) {
        String time = withImportTimes ? " || ' ' || imported_at" : "";
        List<String> rows = new ArrayList<>(jdbc.sql("select season || '/' || team_key || ' ' || profile::text"
                + time + " from team_seasons order by season, team_key").query(String.class).list());
        rows.addAll(jdbc.sql("select season || ' ' || teams || ' ' || league::text" + time
                + " from seasons order by season").query(String.class).list());
        return rows;
    }

    @Test
    void importsTheSharedTorvikFileSeasonBySeason() throws Exception {
        HttpResponse<String> response = importCsv(sharedFile());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = Http.json(response);
        assertThat(summary.get("teams").asInt()).isEqualTo(2455);
        assertThat(seasonCounts(summary.get("seasons"))).containsExactly(Map.entry(2013, 347), Map.entry(2014, 351),
                Map.entry(2015, 351), Map.entry(2016, 351), Map.entry(2017, 351), Map.entry(2018, 351),
                Map.entry(2019, 353));

        JsonNode teams2019 = Http.json(http.get("/api/v1/teams?season=2019"));
        assertThat(teams2019.size()).isEqualTo(353);
        List<String> names = new ArrayList<>();
        teams2019.forEach(team -> names.add(team.get("name").asString()));
        assertThat(names).isSortedAccordingTo(String::compareTo);
        JsonNode duke = find(teams2019, 1181);
        assertThat(duke.get("season").asInt()).isEqualTo(2019);
        assertThat(duke.get("name").asString()).isEqualTo("Duke");
        assertThat(duke.get("conference").asString()).isEqualTo("ACC");
        assertThat(duke.get("seed").asInt()).isEqualTo(1);
        assertThat(duke.get("barthag").asDouble()).isEqualTo(0.9646);
        assertThat(duke.get("postseason").asString()).isEqualTo("E8");
        JsonNode profile = duke.get("profile");
        assertThat(profile.get("name").asString()).isEqualTo("Duke");
        assertThat(profile.get("tempo").asDouble()).isEqualTo(73.6);
        assertThat(profile.get("adjOffense").asDouble()).isEqualTo(118.9);
        assertThat(profile.get("adjDefense").asDouble()).isEqualTo(89.2);
        assertThat(profile.get("offense").get("twoPointPct").asDouble()).isCloseTo(0.58, offset(1e-12));
        assertThat(profile.get("defense").get("turnoverRate").asDouble()).isCloseTo(0.194, offset(1e-12));

        JsonNode all = Http.json(http.get("/api/v1/teams"));
        assertThat(all.size()).isEqualTo(2455);
        assertThat(all.get(0).get("season").asInt()).isEqualTo(2013);
        assertThat(all.get(2454).get("season").asInt()).isEqualTo(2019);

        JsonNode seasons = Http.json(http.get("/api/v1/teams/seasons"));
        assertThat(seasons.size()).isEqualTo(7);
        assertThat(seasons.get(6).get("season").asInt()).isEqualTo(2019);
        assertThat(seasons.get(6).get("teams").asInt()).isEqualTo(353);
        assertThat(seasons.get(6).get("importedAt").asString()).isNotBlank();
    }

    @Test
    void importingTheSameFileAgainReplacesItsSeasonsWithTheSameTeams() throws Exception {
        String file = sharedFile();
        JsonNode first = Http.json(importCsv(file));
        List<String> before = storedRows(false);

        HttpResponse<String> again = importCsv(file);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again)).isEqualTo(first);
        assertThat(storedRows(false)).hasSize(2455 + 7).isEqualTo(before);
    }

    @Test
    void anImportReplacesOnlyTheSeasonsInItsFile() {
        importCsv(TeamData.SAMPLE);
        String only2019Duke = TeamData.HEADER + TeamData.SAMPLE.lines()
                .filter(line -> line.startsWith("2019,1181,")).findFirst().orElseThrow() + "\n";

        JsonNode summary = Http.json(importCsv(only2019Duke));

        assertThat(seasonCounts(summary.get("seasons"))).containsExactly(Map.entry(2019, 1));
        assertThat(Http.json(http.get("/api/v1/teams?season=2019")).size()).isEqualTo(1);
        assertThat(Http.json(http.get("/api/v1/teams?season=2018")).size()).isEqualTo(2);
        JsonNode seasons = Http.json(http.get("/api/v1/teams/seasons"));
        assertThat(seasons.get(1).get("teams").asInt()).isEqualTo(1);
    }

    @Test
    void acceptsPlainTextAndRefusesOtherBodies() {
        assertThat(http.post("/api/v1/teams/import", "text/plain; charset=utf-8", TeamData.SAMPLE).statusCode())
                .isEqualTo(200);
        HttpResponse<String> json = http.postJson("/api/v1/teams/import", "{}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static Stream<Arguments> badFiles() {
        String[] sample = TeamData.SAMPLE.split("\n");
        String goodLines = String.join("\n", sample[1], sample[2], sample[3]) + "\n";
        return Stream.of(
                Arguments.of("a rate above 100 on line 3", TeamData.HEADER + sample[1] + "\n"
                        + sample[2].replace(",50.1,", ",120,") + "\n" + sample[3] + "\n", "2P_O", 3,
                        "must be between 0 and 100, was 120"),
                Arguments.of("a missing column", TeamData.HEADER.replace(",3P_D,", ",") + goodLines, "3P_D", 1,
                        "missing column"),
                Arguments.of("text for a number, after good lines", TeamData.HEADER + goodLines
                        + sample[4].replace(",73.6,", ",fast,") + "\n", "ADJ_T", 5, "not a number: fast"),
                Arguments.of("the same team twice", TeamData.SAMPLE + sample[4] + "\n", "TeamID", 9,
                        "the same team twice in season 2019"),
                Arguments.of("an empty body", "", "header", 1, "no header line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesABadFileNamingLineAndColumnAndStoresNothingOfIt(String name, String csv, String field, int line,
                                                                String message) {
        importCsv(TeamData.SAMPLE.replace(",73.6,", ",70.0,"));
        List<String> before = storedRows(true);

        HttpResponse<String> response = importCsv(csv);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("errors").size()).isEqualTo(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(problem.get("detail").asString()).isEqualTo("line " + line + ", " + field + ": " + message);
        assertThat(storedRows(true)).isEqualTo(before);
    }

    @Test
    void aBadLastLineOfTheSharedFileStoresNoneOfTheOthers() throws Exception {
        String file = sharedFile();
        String badLast = file + (file.endsWith("\n") ? "" : "\n")
                + "2019,9999,Nowhere St,Nowhere St.,XX,30,1,90,110,0.1,45,55,20,15,25,35,30,40,44,54,30,38,-1,-20,"
                + "NA,NA\n";

        HttpResponse<String> response = importCsv(badLast);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("ADJ_T");
        assertThat(error.get("line").asInt()).isEqualTo(2457);
        assertThat(storedRows(true)).isEmpty();
    }

    @Test
    void refusesABodyAboveTheUploadLimitWithOrWithoutItsLength() throws Exception {
        String tooLarge = TeamData.SAMPLE + "x".repeat(1024 * 1024) + "\n";
        HttpResponse<String> withLength = importCsv(tooLarge);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/teams/import"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(tooLarge.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(withLength, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Http.json(response).get("detail").asString()).contains("1048576 bytes");
        }
        assertThat(storedRows(true)).isEmpty();
    }

    @Test
    void aSeasonWithoutTeamsIsNotFound() {
        importCsv(TeamData.SAMPLE);
        HttpResponse<String> response = http.get("/api/v1/teams?season=2030");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).get("detail").asString()).isEqualTo("no teams imported for season 2030");

        HttpResponse<String> notANumber = http.get("/api/v1/teams?season=last");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Http.json(notANumber).get("errors").get(0).get("field").asString()).isEqualTo("season");
    }

    @Test
    void aJobNamesImportedTeamsAndShowsTheSnapshotItPlays() throws Exception {
        importCsv(sharedFile());
        Map<String, Object> body = JobRequests.matchup(10_000, 7L);
        Map<String, Object> matchup = JobRequests.at(body, "matchup");
        matchup.put("teamA", reference(2019, "teamId", 1181));
        matchup.put("teamB", reference(2019, "name", "michigan st"));
        matchup.put("venue", "TEAM_B_HOME");

        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode job = Http.json(http.get(response.headers().firstValue("Location").orElseThrow()));
        JsonNode teamA = job.get("matchup").get("teamA");
        assertThat(teamA.get("season").asInt()).isEqualTo(2019);
        assertThat(teamA.get("teamId").asInt()).isEqualTo(1181);
        assertThat(teamA.get("name").asString()).isEqualTo("Duke");
        assertThat(teamA.get("tempo").asDouble()).isEqualTo(73.6);
        assertThat(teamA.get("adjOffense").asDouble()).isEqualTo(118.9);
        assertThat(teamA.get("offense").get("twoPointPct").asDouble()).isCloseTo(0.58, offset(1e-12));
        JsonNode teamB = job.get("matchup").get("teamB");
        assertThat(teamB.get("teamId").asInt()).isEqualTo(1277);
        assertThat(teamB.get("name").asString()).isEqualTo("Michigan St");
        assertThat(teamB.get("adjDefense").asDouble()).isEqualTo(91.0);
        assertThat(job.get("matchup").get("venue").asString()).isEqualTo("TEAM_B_HOME");
        // The 2019 season's own averages (TorvikCsvTest checks them against the file), not the 2013–2019 default.
        assertThat(job.get("league").get("tempo").asDouble()).isCloseTo(69.17, offset(0.01));
        assertThat(job.get("league").get("twoPointPct").asDouble()).isCloseTo(0.5006, offset(0.0005));
        assertThat(job.get("league").get("efficiency").asDouble()).isCloseTo(103.34, offset(0.01));
    }

    private static Map<String, Object> reference(int season, String key, Object value) {
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("season", season);
        team.put(key, value);
        return team;
    }

    private static JsonNode find(JsonNode teams, int teamId) {
        for (JsonNode team : teams) {
            if (team.get("teamId").asInt() == teamId) {
                return team;
            }
        }
        throw new AssertionError("no team " + teamId);
    }

    private static List<Map.Entry<Integer, Integer>> seasonCounts(JsonNode seasons) {
        List<Map.Entry<Integer, Integer>> counts = new ArrayList<>();
        seasons.forEach(s -> counts.add(Map.entry(s.get("season").asInt(), s.get("teams").asInt())));
        return counts;
    }
}
