package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code bin/tipoff import --data DIR} against a real api: teams, then every season's bracket. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ApiApplication.CONFIG_NAME)
class ImportIntegrationTests {

    /** Four 2019 teams of {@link TeamData#SAMPLE} in a bracket of two semifinals and a final. */
    static final String SEEDS = "Season,Seed,TeamID\n2019,W01,1438\n2019,X01,1181\n2019,Y01,1277\n2019,Z01,1403\n";
    static final String SLOTS = "Season,Slot,StrongSeed,WeakSeed\n2019,R5WX,W01,X01\n2019,R5YZ,Y01,Z01\n"
            + "2019,R6CH,R5WX,R5YZ\n";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void nothingImported() {
        for (String table : List.of("bracket_seeds", "bracket_slots", "team_seasons", "seasons")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** Runs the import as {@code bin/tipoff import} would: exit status, standard output, standard error. */
    private List<String> runImport(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Import.run(new String[] {"--url", "http://localhost:" + port, "--data", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return List.of(Integer.toString(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsTheGamesTeamsAndEverySeasonsBracketOfTheSharedData() {
        Path dir = TeamData.sharedFile("tourney_seeds_2013_2019.csv").map(Path::getParent).orElse(null);
        Assumptions.assumeTrue(dir != null, "the shared data lives beside the project, in ../shared/data/ncaa");

        List<String> run = runImport(dir);

        assertThat(run.get(0)).as(run.get(2)).isEqualTo("0");
        List<String> lines = run.get(1).lines().toList();
        assertThat(lines).hasSize(9);
        // The games (stored once: a second import would store none), then the teams, then the brackets.
        assertThat(lines.get(0)).matches("Imported 37659 games \\(\\d+ new or corrected\\) from "
                + "season_games_2013_2019.csv");
        assertThat(lines.get(1)).isEqualTo("Imported 2455 team seasons (2013-2019) from torvik_teams_2013_2019.csv");
        for (int season = 2013; season <= 2019; season++) {
            assertThat(lines.get(season - 2011)).isEqualTo("Season " + season
                    + ": bracket of 68 teams and 67 slots imported from tourney_seeds_2013_2019.csv");
        }
        JsonNode bracket = Http.json(new Http(port).get("/api/v1/seasons/2013/bracket"));
        assertThat(bracket.get("seeds").size()).isEqualTo(68);
    }

    @Test
    void aRefusedBracketStopsTheImportWithTheApisReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("torvik_teams_sample.csv"), TeamData.SAMPLE);
        Files.writeString(dir.resolve("tourney_seeds_sample.csv"), SEEDS.replace("1403", "1102"));
        Files.writeString(dir.resolve("tourney_slots_sample.csv"), SLOTS);
        Files.writeString(dir.resolve("tourney_seeds_wrong.csv"), SEEDS.replace("2019,Z01,1403", "2019,Z01,4"));
        Files.writeString(dir.resolve("tourney_slots_wrong.csv"), SLOTS);

        List<String> run = runImport(dir);

        // The sample imports (Air Force, 1102, is a 2019 team); the same season in the next file is not imported
        // again, so the bad TeamID there is never sent.
        assertThat(run.get(0)).as(run.get(2)).isEqualTo("0");
        assertThat(run.get(1)).contains("Season 2019: bracket of 4 teams and 3 slots imported from "
                + "tourney_seeds_sample.csv");

        Files.delete(dir.resolve("tourney_seeds_sample.csv"));
        List<String> refused = runImport(dir);

        assertThat(refused.get(0)).isEqualTo("1");
        assertThat(refused.get(2)).isEqualTo("import: the api refused the bracket of season 2019 "
                + "(tourney_seeds_wrong.csv, tourney_slots_wrong.csv): 400 seeds line 5, TeamID: names no team of "
                + "season 2019\n");
    }

    @Test
    void aSeedsFileWithoutItsSlotsFileIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("torvik_teams_sample.csv"), TeamData.SAMPLE);
        Files.writeString(dir.resolve("tourney_seeds_sample.csv"), SEEDS);

        List<String> run = runImport(dir);

        assertThat(run.get(0)).isEqualTo("1");
        assertThat(run.get(2)).isEqualTo("import: tourney_seeds_sample.csv has no tourney_slots_sample.csv beside "
                + "it\n");
    }
}
