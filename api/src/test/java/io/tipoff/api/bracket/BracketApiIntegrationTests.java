package io.tipoff.api.bracket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.model.Bracket;
import io.tipoff.testing.Http;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract of brackets: importing Kaggle's seeds and slots files for a season of imported teams, all or
 * nothing, and reading the bracket back. Uses the shared 2013–2019 files beside the project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiApplication.CONFIG_NAME, "spring.servlet.multipart.max-file-size=64KB"})
class BracketApiIntegrationTests {

    private static final String PATH = "/api/v1/seasons/2019/bracket";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BracketCatalog catalog;

    Http http;
    String seeds;
    String slots;

    @BeforeEach
    void teamsAndNoBrackets() throws Exception {
        http = new Http(port);
        seeds = shared("tourney_seeds_2013_2019.csv");
        slots = shared("tourney_slots_2013_2019.csv");
        jdbc.sql("delete from bracket_seeds").update();
        jdbc.sql("delete from bracket_slots").update();
        if (jdbc.sql("select count(*) from team_seasons where season = 2019").query(Long.class).single() == 0) {
            assertThat(http.post("/api/v1/teams/import", "text/csv", shared("torvik_teams_2013_2019.csv"))
                    .statusCode()).isEqualTo(200);
        }
    }

    private static String shared(String name) throws Exception {
        Path file = TeamData.sharedFile(name).orElse(null);
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project, in ../shared/data/ncaa");
        return Files.readString(file);
    }

    private HttpResponse<String> post(String seedsCsv, String slotsCsv) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (seedsCsv != null) {
            parts.put("seeds", seedsCsv);
        }
        if (slotsCsv != null) {
            parts.put("slots", slotsCsv);
        }
        return http.postFiles(PATH, parts);
    }

    /** Every stored bracket row, so that a refused import can be shown to have changed nothing. */
    private List<String> storedRows() {
        List<String> rows = new ArrayList<>(jdbc.sql("select season || ' ' || seed || ' ' || team_key || ' '"
                + " || imported_at from bracket_seeds order by season, seed").query(String.class).list());
        rows.addAll(jdbc.sql("select season || ' ' || slot || ' ' || strong_seed || ' ' || weak_seed"
                + " from bracket_slots order by season, slot").query(String.class).list());
        return rows;
    }

    @Test
    void importsTheTwentyNineteenBracketFromFilesOfEverySeason() {
        HttpResponse<String> response = post(seeds, slots);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).isEqualTo(JSON.readTree("{\"season\":2019,\"teams\":68,\"slots\":67}"));

        JsonNode bracket = Http.json(http.get(PATH));
        assertThat(bracket.get("season").asInt()).isEqualTo(2019);
        assertThat(bracket.get("seeds").size()).isEqualTo(68);
        assertThat(bracket.get("slots").size()).isEqualTo(67);
        assertThat(bracket.get("seeds").get(0)).isEqualTo(
                JSON.readTree("{\"seed\":\"W01\",\"teamId\":1181,\"name\":\"Duke\"}"));
        assertThat(find(bracket.get("slots"), "slot", "R1W1")).isEqualTo(
                JSON.readTree("{\"slot\":\"R1W1\",\"strongSeed\":\"W01\",\"weakSeed\":\"W16\"}"));
        assertThat(find(bracket.get("slots"), "slot", "R6CH")).isEqualTo(
                JSON.readTree("{\"slot\":\"R6CH\",\"strongSeed\":\"R5WX\",\"weakSeed\":\"R5YZ\"}"));

        // What a TOURNAMENT job of the season plays.
        Bracket played = catalog.bracket(2019).orElseThrow();
        assertThat(played.teams()).hasSize(68);
        assertThat(played.root().slot()).isEqualTo("R6CH");
    }

    @Test
    void importingAgainReplacesTheSeasonAndLeavesOthersAlone() {
        post(seeds, slots);
        assertThat(http.postFiles("/api/v1/seasons/2018/bracket", Map.of("seeds", seeds, "slots", slots))
                .statusCode()).isEqualTo(200);
        List<String> before = storedRows().stream().map(row -> row.replaceAll(" \\d{4}-.*", "")).toList();

        HttpResponse<String> again = post(seeds, slots);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(storedRows().stream().map(row -> row.replaceAll(" \\d{4}-.*", "")).toList()).isEqualTo(before)
                .hasSize(2 * (68 + 67));
    }

    static Stream<Arguments> badBrackets() {
        return Stream.of(
                Arguments.of("a seed naming no team of the season",
                        (UnaryOperator<String[]>) f -> new String[] {f[0].replace("2019,W01,1181", "2019,W01,9999"),
                                f[1]},
                        "seeds", "2019,W01,9999", "TeamID", null, "names no team of season 2019"),
                Arguments.of("a slot naming an unknown seed",
                        (UnaryOperator<String[]>) f -> new String[] {f[0], f[1].replace("2019,R1W1,W01,W16",
                                "2019,R1W1,W01,W17")},
                        "slots", "2019,R1W1,W01,W17", "Slot", "R1W1", "names W17, which is neither a seed nor a slot"),
                Arguments.of("a cycle: the final and a regional final feed each other",
                        (UnaryOperator<String[]>) f -> new String[] {f[0], f[1].replace("2019,R5WX,R4W1,R4X1",
                                "2019,R5WX,R4W1,R6CH")},
                        "slots", "2019,R5WX,R4W1,R6CH", "Slot", "R5WX", "is part of a cycle of slots"),
                Arguments.of("a missing slot",
                        (UnaryOperator<String[]>) f -> new String[] {f[0], f[1].replace("2019,R2W1,R1W1,R1W8\n", "")},
                        "slots", "2019,R3W1,R2W1,R2W4", "Slot", "R3W1",
                        "names R2W1, which is neither a seed nor a slot"),
                Arguments.of("a team seeded twice",
                        (UnaryOperator<String[]>) f -> new String[] {f[0].replace("2019,W02,1277", "2019,W02,1181"),
                                f[1]},
                        "seeds", "2019,W02,1181", "TeamID", null,
                        "team 1181 is seeded twice (also W01, line {2019,W01,1181})"),
                Arguments.of("text for a TeamID",
                        (UnaryOperator<String[]>) f -> new String[] {f[0].replace("2019,W01,1181", "2019,W01,Duke"),
                                f[1]},
                        "seeds", "2019,W01,Duke", "TeamID", null, "not a whole number: Duke"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBrackets")
    void refusesABadBracketNamingLineOrSlotAndStoresNothing(String name, UnaryOperator<String[]> change,
                                                            String part, String badLine, String field, String slot,
                                                            String message) {
        post(seeds, slots);
        List<String> before = storedRows();
        String[] files = change.apply(new String[] {seeds, slots});
        String file = files[part.equals("seeds") ? 0 : 1];
        int line = lineOf(file, badLine);
        // A message may name another line of the file: {text of that line}.
        Matcher other = Pattern.compile("\\{(.*)}").matcher(message);
        message = other.find() ? other.replaceFirst(Integer.toString(lineOf(file, other.group(1)))) : message;

        HttpResponse<String> response = post(files[0], files[1]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = Http.json(response).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        JsonNode error = errors.get(0);
        assertThat(error.get("part").asString()).isEqualTo(part);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.path("slot").asString(null)).isEqualTo(slot);
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(Http.json(response).get("detail").asString()).isEqualTo(part + " line " + line + ", " + field
                + (slot == null ? "" : " " + slot) + ": " + message);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aSeasonWithoutImportedTeamsIsRefusedAskingForTheTeamsFirst() {
        jdbc.sql("delete from team_seasons where season = 2019").update();
        jdbc.sql("delete from seasons where season = 2019").update();

        HttpResponse<String> response = post(seeds, slots);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get(0)).isEqualTo(JSON.readTree("{\"field\":\"season\",\"message\":"
                + "\"2019 has no imported teams: import the season's teams first (POST /api/v1/teams/import)\"}"));
        assertThat(storedRows()).isEmpty();
    }

    @Test
    void aBracketOfMoreTeamsThanAJobMayHaveIsRefused() {
        StringBuilder many = new StringBuilder("Season,Seed,TeamID\n");
        for (int i = 1; i <= 1_024; i++) {
            many.append("2019,X").append(i).append(',').append(100_000 + i).append('\n');
        }

        HttpResponse<String> response = post(many.toString(), slots);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("detail").asString())
                .isEqualTo("seeds holds 1024 teams of season 2019; a bracket has at most 512");
        assertThat(storedRows()).isEmpty();
    }

    @Test
    void filesWithoutTheSeasonOrAMissingPartAreRefusedByName() {
        HttpResponse<String> noRows = http.postFiles("/api/v1/seasons/2012/bracket",
                Map.of("seeds", seeds, "slots", slots));
        assertThat(noRows.statusCode()).isEqualTo(400);
        assertThat(Http.json(noRows).get("detail").asString()).isEqualTo("seeds has no rows of season 2012");

        HttpResponse<String> noSlots = post(seeds, null);
        assertThat(noSlots.statusCode()).isEqualTo(400);
        assertThat(Http.json(noSlots).get("errors").get(0).get("field").asString()).isEqualTo("slots");
        assertThat(Http.json(noSlots).get("detail").asString())
                .isEqualTo("slots is required: the tourney_slots CSV file as a form part");

        assertThat(http.post(PATH, "text/csv", seeds).statusCode()).isEqualTo(415);
        assertThat(storedRows()).isEmpty();
    }

    @Test
    void aFileAboveTheMultipartLimitIsTooLarge() {
        HttpResponse<String> response = post(seeds + "#".repeat(65 * 1024) + "\n", slots);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(storedRows()).isEmpty();
    }

    @Test
    void aSeasonWithoutABracketIsNotFound() {
        HttpResponse<String> response = http.get("/api/v1/seasons/2019/bracket");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).get("detail").asString()).isEqualTo("no bracket imported for season 2019");
    }

    private static int lineOf(String file, String text) {
        int line = List.of(file.split("\r?\n")).indexOf(text) + 1;
        assertThat(line).as(text + " is a line of the file").isPositive();
        return line;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value);
    }
}
