package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.cli.Backtest;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/tipoff backtest --pools} against a real api and worker: the shared NCAA data and ESPN's 2018 picks (beside
 * the project, not in it) imported over HTTP, the 2018 pool played as a BRACKET_POOL job, and its entries scored on
 * the real tournament.
 */
class PoolBacktestIntegrationTests {

    private static final Path DATA = TeamData.sharedFile("tourney_seeds_2013_2019.csv").map(Path::getParent)
            .orElse(null);
    private static final Path ANCHORS = TeamData.sharedAnchorsFile("espn_whopickedwhom_men_2018.csv")
            .map(Path::getParent).orElse(null);
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(DATA != null && ANCHORS != null, "the shared data lives beside the project");
        TestServices.Environment services = TestServices.newEnvironment();
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
    void theTwentyEighteenPoolsEntriesAreScoredOnTheRealTournamentAndARerunGivesTheSameFigures() {
        JsonNode first = backtest();
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : first.get("entries")) {
            entries.add(entry.get("entry").asString());
            assertThat(entry.get("season").asInt()).isEqualTo(2018);
            // Villanova won: every entry gets points, none more than a perfect bracket's 1,920.
            assertThat(entry.get("score").asInt()).isBetween(100, 1920);
            assertThat(entry.get("meanPlace").asDouble()).isBetween(1.0, 20.0);
            assertThat(entry.get("expectedWinProbability").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(entries).containsExactly("chosen", "chalk", "favorites");
        assertThat(first.get("entries").get(0).get("expectedWinProbability").asDouble())
                .isGreaterThanOrEqualTo(first.get("entries").get(2).get("expectedWinProbability").asDouble());

        assertThat(backtest()).isEqualTo(first);
    }

    /** Runs the pool backtest as {@code bin/tipoff backtest --pools} would, and reads its JSON. */
    private static JsonNode backtest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Backtest.run(new String[] {"--pools", "--url", "http://localhost:" + Apps.port(api),
                "--data", DATA.toString(), "--anchors", ANCHORS.toString(), "--seasons", "2018",
                "--entrants", "20", "--simulations", "400", "--fields", "300", "--seed", "3", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
