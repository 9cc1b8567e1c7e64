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
 * {@code bin/tipoff backtest --tournaments} against a real api and worker: the shared NCAA data (beside the project,
 * not in it) imported over HTTP, teams and brackets, and the 2019 bracket played as a TOURNAMENT job and scored.
 */
class TournamentBacktestIntegrationTests {

    /** The shared NCAA data directory beside the project, or null. */
    private static final Path DATA = TeamData.sharedFile("tourney_seeds_2013_2019.csv").map(Path::getParent)
            .orElse(null);
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(DATA != null, "the shared data lives beside the project (../shared/data/ncaa)");
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
    void theTwentyNineteenBracketIsScoredRoundByRoundAndARerunGivesTheSameFigures() {
        JsonNode first = backtest();

        assertThat(first.get("seasons").toString()).isEqualTo("[2019]");
        // 68 teams, each with R32 … CHAMP (6 games), and the 8 First Four teams one more.
        assertThat(first.get("teamRounds").asInt()).isEqualTo(416);
        for (String forecast : new String[] {"tipoff", "log5Barthag"}) {
            assertThat(first.get(forecast).get("logLoss").asDouble()).as(forecast).isBetween(0.10, 0.30);
            assertThat(first.get(forecast).get("brier").asDouble()).as(forecast).isBetween(0.03, 0.10);
        }
        assertThat(first.get("byRound").size()).isEqualTo(7);
        assertThat(first.get("byRound").get(0).get("round").asString()).isEqualTo("R64");
        assertThat(first.get("byRound").get(0).get("teamRounds").asInt()).isEqualTo(8);
        assertThat(first.get("byRound").get(6).get("round").asString()).isEqualTo("CHAMP");

        assertThat(backtest()).isEqualTo(first);
    }

    @Test
    void theTwentyNineteenBracketForecastAfterEachRoundIsScoredOnTheTeamRoundsStillOpen() {
        JsonNode live = backtest("--live");

        assertThat(live.get("live").asBoolean()).isTrue();
        // After the First Four: the 64 teams left, 6 games each (R32 … CHAMP) = 384 open; after the round of 64: 32 × 5;
        // then 16 × 4, 8 × 3, 4 × 2, 2 × 1.
        assertThat(live.get("teamRounds").asInt()).isEqualTo(384 + 160 + 64 + 24 + 8 + 2);
        JsonNode byStage = live.get("byStage");
        assertThat(byStage.size()).isEqualTo(6);
        assertThat(byStage.get(0).get("afterRound").asString()).isEqualTo("FF");
        assertThat(byStage.get(0).get("teamRounds").asInt()).isEqualTo(384);
        assertThat(byStage.get(5).get("afterRound").asString()).isEqualTo("F4");
        assertThat(byStage.get(5).get("teamRounds").asInt()).isEqualTo(2);
        for (String forecast : new String[] {"tipoff", "log5Barthag"}) {
            assertThat(live.get(forecast).get("logLoss").asDouble()).as(forecast).isBetween(0.05, 0.40);
        }
    }

    /** Runs the tournament backtest as {@code bin/tipoff backtest --tournaments} would, and reads its JSON. */
    private static JsonNode backtest(String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--tournaments", "--url", "http://localhost:" + Apps.port(api),
                "--data", DATA.toString(), "--seasons", "2019", "--simulations", "500", "--seed", "3", "--json"));
        args.addAll(List.of(more));
        int status = Backtest.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
