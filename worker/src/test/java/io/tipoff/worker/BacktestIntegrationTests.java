package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.cli.Backtest;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/tipoff backtest} against a real api and worker: the 2019 tournament of the shared NCAA data (beside the
 * project, not in it) imported over HTTP and every game simulated as a job.
 */
class BacktestIntegrationTests {

    /** The shared NCAA data directory beside the project, or null. */
    private static final Path DATA = TeamData.sharedTorvikFile().map(Path::getParent).orElse(null);
    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(DATA != null, "the shared data lives beside the project (../shared/data/ncaa)");
        services = TestServices.newEnvironment();
        api = Apps.api(services);
        worker = Apps.worker(services, "tipoff.worker.threads=2");
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

    @Test
    void theTwentyNineteenTournamentIsScoredAndARerunGivesTheSameProbabilities(@TempDir Path dir)
            throws Exception {
        Path firstCsv = dir.resolve("first.csv");
        JsonNode first = backtest(firstCsv);
        assertThat(first.get("games").asInt()).isEqualTo(67);
        assertThat(first.get("seasons").get(0).asInt()).isEqualTo(2019);
        assertThat(first.get("tipoff").get("brier").asDouble()).isBetween(0.10, 0.25);
        assertThat(first.get("log5Barthag").get("brier").asDouble()).isBetween(0.10, 0.25);
        assertThat(first.get("overtimeShare").get("actual").asDouble()).isBetween(0.0, 0.2);
        assertThat(first.get("marginSpread").get("simulated").asDouble()).isBetween(8.0, 14.0);

        List<String> rows = Files.readAllLines(firstCsv);
        assertThat(rows).hasSize(68);
        assertThat(rows.get(0)).isEqualTo("Season,TeamA,TeamB,P");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(cells).hasSize(4);
            assertThat(cells[0]).isEqualTo("2019");
            assertThat(Integer.parseInt(cells[1])).isLessThan(Integer.parseInt(cells[2]));
            assertThat(Double.parseDouble(cells[3])).isBetween(0.0, 1.0);
        }

        Path secondCsv = dir.resolve("second.csv");
        JsonNode second = backtest(secondCsv);
        assertThat(Files.readAllLines(secondCsv)).isEqualTo(rows);
        assertThat(second).isEqualTo(first);
    }

    /** Runs the backtest as {@code bin/tipoff backtest} would, and reads its JSON. */
    private static JsonNode backtest(Path csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Backtest.run(new String[] {"--url", "http://localhost:" + Apps.port(api),
                "--data", DATA.toString(), "--seasons", "2019", "--simulations", "1000", "--seed", "3",
                "--out", csv.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
