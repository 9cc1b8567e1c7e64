package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipoff.cli.BacktestScore.Game;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BacktestTest {

    /** The four games worked by hand in {@link BacktestScoreTest}. */
    private static final List<Game> GAMES = BacktestScoreTest.GAMES;

    @Test
    void optionsHaveDefaultsAndAreChecked() {
        Backtest.Options options = Backtest.Options.parse(new String[] {"--data", "ncaa", "--url",
                "http://localhost:9000/"});
        assertThat(options.data()).isEqualTo(Path.of("ncaa"));
        assertThat(options.url()).isEqualTo("http://localhost:9000");
        assertThat(options.seasons()).isNull();
        assertThat(options.simulations()).isEqualTo(100_000);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.out()).isNull();
        assertThat(options.json()).isFalse();
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(30));

        options = Backtest.Options.parse(new String[] {"--json", "--data", "d", "--seasons", "2013,2015",
                "--simulations", "1_000", "--seed", "7", "--out", "p.csv"});
        assertThat(options.json()).isTrue();
        assertThat(options.seasons()).containsExactly(2013, 2015);
        assertThat(options.simulations()).isEqualTo(1000);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.out()).isEqualTo(Path.of("p.csv"));

        assertThatThrownBy(() -> Backtest.Options.parse(new String[] {})).hasMessage("--data DIR is required");
        assertThatThrownBy(() -> Backtest.Options.parse(new String[] {"--data"})).hasMessage("--data needs a value");
        assertThatThrownBy(() -> Backtest.Options.parse(new String[] {"--data", "d", "--simulations", "0"}))
                .hasMessage("--simulations must be a whole number from 1 to 1000000000, was 0");
        assertThatThrownBy(() -> Backtest.Options.parse(new String[] {"--data", "d", "--games", "5"}))
                .hasMessage("unknown option --games");
    }

    @Test
    void aBadCommandLineExitsWithTwoAndTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Backtest.run(new String[] {"--seasons", "2019"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("backtest: --data DIR is required")
                .contains("Usage: bin/tipoff backtest");
    }

    @Test
    void anApiThatDoesNotAnswerIsSaidSo() throws Exception {
        Path dir = Path.of("src/test/resources/backtest");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Backtest.run(new String[] {"--data", dir.toString(), "--url", "http://localhost:1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "backtest: the api does not answer at http://localhost:1");
    }

    @Test
    void theReportIsATableOfTipoffLog5AndTheRealGames() {
        String report = Backtest.report(BacktestScore.of(GAMES), Set.of(2018, 2019), 10_000, 1);
        assertThat(report).startsWith("Backtest: 4 NCAA tournament games of 2018-2019 at a neutral site, "
                + "10,000 simulations each (seed 1)");
        assertThat(report).containsPattern("\nBrier score +0\\.1850 +0\\.1150\n")
                .containsPattern("\n  simulation error \\(1 SD\\) +\u00b10\\.00209\n")
                .containsPattern("\nlog loss +0\\.5473 +0\\.3831\n")
                .containsPattern("\naccuracy +62\\.5% +87\\.5%\n")
                .containsPattern("\nmargin spread \\(SD\\), points +10\\.56 +5\\.48\n")
                .containsPattern("\nmean total points +141\\.0 +140\\.3\n")
                .containsPattern("\novertime share +5\\.0% +25\\.0%\n")
                .containsPattern("\n0\\.3-0\\.4 +1 +0\\.300 +0\\.000 +0 +- +-\n")
                .containsPattern("\n0\\.9-1\\.0 +0 +- +- +1 +0\\.900 +1\\.000\n");
    }

    @Test
    void theJsonHasEveryFigure() {
        JsonNode json = Backtest.json(BacktestScore.of(GAMES), Set.of(2019), 10_000, 1);
        assertThat(json.get("games").asInt()).isEqualTo(4);
        assertThat(json.get("seasons").get(0).asInt()).isEqualTo(2019);
        assertThat(json.get("tipoff").get("brier").asDouble()).isEqualTo(BacktestScore.of(GAMES).tipoff().brier());
        assertThat(json.get("tipoff").get("brierSimulationError").asDouble())
                .isEqualTo(BacktestScore.of(GAMES).brierSimulationError());
        assertThat(json.get("log5Barthag").get("accuracy").asDouble()).isEqualTo(0.875);
        assertThat(json.get("tipoff").get("calibration")).hasSize(10);
        assertThat(json.get("tipoff").get("calibration").get(0).get("meanPredicted").isNull()).isTrue();
        assertThat(json.get("marginSpread").get("actual").asDouble()).isEqualTo(Math.sqrt(30));
        assertThat(json.get("overtimeShare").get("actual").asDouble()).isEqualTo(0.25);
    }

    @Test
    void eachGamesJobHasItsOwnSeedFromTheRunsSeed() {
        BacktestData.Matchup game = new BacktestData.Matchup(2019, 136, 1181, 1433, GAMES.get(0).outcome(), null);
        BacktestData.Matchup other = new BacktestData.Matchup(2019, 136, 1181, 1434, GAMES.get(0).outcome(), null);
        BacktestData.Matchup otherSeason = new BacktestData.Matchup(2018, 136, 1181, 1433, GAMES.get(0).outcome(),
                null);
        long seed = Backtest.jobSeed(1, game);
        assertThat(Backtest.jobSeed(1, game)).isEqualTo(seed);
        assertThat(List.of(Backtest.jobSeed(2, game), Backtest.jobSeed(1, other), Backtest.jobSeed(1, otherSeason)))
                .doesNotContain(seed).doesNotHaveDuplicates();
        assertThat(seed).isBetween(0L, (1L << 53) - 1);
    }
}
