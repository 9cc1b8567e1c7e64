package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.cli.TournamentScore.TeamRound;
import io.tipoff.model.Bracket.Slot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TournamentBacktestTest {

    /**
     * Four 2019 teams as a bracket of their own, with how far each really went (Torvik's POSTSEASON): Virginia and
     * Texas Tech won their semifinals here, as they reached the real final.
     */
    static final TournamentData.Season FINAL_FOUR = new TournamentData.Season(2019, teams(
            new TournamentData.Team("W01", 1438, "Virginia", 0.9736, "Champions"),
            new TournamentData.Team("X01", 1181, "Duke", 0.9646, "E8"),
            new TournamentData.Team("Y01", 1277, "Michigan St", 0.9597, "F4"),
            new TournamentData.Team("Z01", 1403, "Texas Tech", 0.9696, "2ND")),
            List.of(new Slot("R5WX", "W01", "X01"), new Slot("R5YZ", "Y01", "Z01"), new Slot("R6CH", "R5WX", "R5YZ")));

    /** A tournament job's result for it, as the api answers (the fields the backtest reads). */
    static final String RESULT = """
            {"simulations": 10, "teams": [
              {"seed": "W01", "name": "Virginia", "rounds": {"NCG": {"p": 0.6, "stdError": 0.15},
                                                             "CHAMP": {"p": 0.4, "stdError": 0.15}}},
              {"seed": "X01", "name": "Duke", "rounds": {"NCG": {"p": 0.4, "stdError": 0.15},
                                                         "CHAMP": {"p": 0.2, "stdError": 0.13}}},
              {"seed": "Y01", "name": "Michigan St", "rounds": {"NCG": {"p": 0.3, "stdError": 0.14},
                                                                "CHAMP": {"p": 0.1, "stdError": 0.09}}},
              {"seed": "Z01", "name": "Texas Tech", "rounds": {"NCG": {"p": 0.7, "stdError": 0.14},
                                                               "CHAMP": {"p": 0.3, "stdError": 0.14}}}]}""";

    private static Map<String, TournamentData.Team> teams(TournamentData.Team... teams) {
        Map<String, TournamentData.Team> bySeed = new LinkedHashMap<>();
        for (TournamentData.Team team : teams) {
            bySeed.put(team.seed(), team);
        }
        return bySeed;
    }

    @Test
    void everyRoundOfEveryTeamIsScoredAgainstHowFarItWent() {
        List<TeamRound> teamRounds = TournamentBacktest.teamRounds(FINAL_FOUR, ApiClient.JSON.readTree(RESULT));

        assertThat(teamRounds).hasSize(8);
        assertThat(teamRounds).extracting(r -> r.seed() + " " + r.round() + " " + r.won() + " " + r.tipoff())
                .containsExactly("W01 NCG true 0.6", "W01 CHAMP true 0.4", "X01 NCG false 0.4",
                        "X01 CHAMP false 0.2", "Y01 NCG false 0.3", "Y01 CHAMP false 0.1", "Z01 NCG true 0.7",
                        "Z01 CHAMP false 0.3");
        // Log5 of the same bracket, exactly: Virginia beats Duke, then Michigan St or Texas Tech.
        double virginiaFinal = BacktestScore.log5(0.9736, 0.9646);
        assertThat(teamRounds.get(0).log5()).isEqualTo(virginiaFinal);
        double texasTech = BacktestScore.log5(0.9696, 0.9597);
        assertThat(teamRounds.get(1).log5()).isCloseTo(virginiaFinal * (texasTech * BacktestScore.log5(0.9736, 0.9696)
                + (1 - texasTech) * BacktestScore.log5(0.9736, 0.9597)), offset(1e-15));
        assertThat(TournamentBacktest.inconsistencies(teamRounds)).isEmpty();
    }

    @Test
    void aPostseasonThatDoesNotFitTheBracketIsNoted() {
        TournamentData.Season wrong = new TournamentData.Season(2019, teams(FINAL_FOUR.teams().values().stream()
                .map(t -> t.seed().equals("X01") ? new TournamentData.Team("X01", 1181, "Duke", 0.9646, "2ND") : t)
                .toArray(TournamentData.Team[]::new)), FINAL_FOUR.slots());

        List<String> notes = TournamentBacktest.inconsistencies(
                TournamentBacktest.teamRounds(wrong, ApiClient.JSON.readTree(RESULT)));

        assertThat(notes).containsExactly("season 2019, NCG: 3 teams won this round by POSTSEASON, the bracket has 2 "
                + "games");
    }

    @Test
    void aResultOfAnotherBracketIsRefused() {
        String otherRounds = RESULT.replaceFirst("\"NCG\"", "\"R32\"");
        assertThatThrownBy(() -> TournamentBacktest.teamRounds(FINAL_FOUR, ApiClient.JSON.readTree(otherRounds)))
                .hasMessage("the result of the 2019 tournament gives W01 the rounds [R32, CHAMP], its bracket in the "
                        + "data [NCG, CHAMP]");
        String otherSeed = RESULT.replace("\"Z01\"", "\"Z16\"");
        assertThatThrownBy(() -> TournamentBacktest.teamRounds(FINAL_FOUR, ApiClient.JSON.readTree(otherSeed)))
                .hasMessage("the result of the 2019 tournament has seed Z16, which its bracket in the data has not");
    }

    @Test
    void theReportHasTheTotalsAndATableByRoundAndBySeason() {
        String report = TournamentBacktest.report(TournamentScore.of(TournamentScoreTest.TEAM_ROUNDS, 10),
                Set.of(2018, 2019), 10, 1);

        assertThat(report).startsWith("Tournament backtest: 2 NCAA tournaments of 2018-2019, 10 simulated brackets "
                + "each (seed 1)\n3 team-rounds: ");
        assertThat(report).containsPattern("\nlog loss +1\\.1473 +0\\.9242\n")
                .containsPattern("\nBrier score +0\\.3600 +0\\.3542\n")
                .containsPattern("\nR32 +2 +1\\.6094 +1\\.0397 +0\\.5200 +0\\.4063\n")
                .containsPattern("\nS16 +1 +0\\.2231 +0\\.6931 +0\\.0400 +0\\.2500\n")
                .containsPattern("\n2018 +1 +2\\.9957 +1\\.3863 +1\\.0000 +0\\.5625\n")
                .containsPattern("\n2019 +2 +0\\.2231 +0\\.6931 +0\\.0400 +0\\.2500\n");
        assertThat(report.lines()).allMatch(line -> line.equals(line.stripTrailing()));
    }

    @Test
    void theJsonHasEveryFigure() {
        JsonNode json = TournamentBacktest.json(TournamentScore.of(TournamentScoreTest.TEAM_ROUNDS, 10),
                Set.of(2019, 2018), 10, 1);

        assertThat(json.get("seasons").toString()).isEqualTo("[2018,2019]");
        assertThat(json.get("teamRounds").asInt()).isEqualTo(3);
        assertThat(json.get("tipoff").get("brier").asDouble()).isEqualTo(TournamentScore.of(
                TournamentScoreTest.TEAM_ROUNDS, 10).tipoff().brier());
        assertThat(json.get("log5Barthag").has("logLoss")).isTrue();
        assertThat(json.get("byRound").get(1).get("round").asString()).isEqualTo("S16");
        assertThat(json.get("bySeason").get(0).get("season").asInt()).isEqualTo(2018);
        assertThat(json.get("bySeason").get(0).get("tipoff").get("logLoss").asDouble()).isEqualTo(-Math.log(0.05));
    }

    @Test
    void optionsHaveDefaultsAndAreChecked() {
        TournamentBacktest.Options options = TournamentBacktest.Options.parse(new String[] {"--data", "ncaa"});
        assertThat(options.data()).isEqualTo(Path.of("ncaa"));
        assertThat(options.seasons()).isNull();
        assertThat(options.simulations()).isEqualTo(10_000);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.json()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(30));

        options = TournamentBacktest.Options.parse(new String[] {"--json", "--data", "d", "--seasons", "2013-2015",
                "--simulations", "500", "--seed", "7", "--url", "http://localhost:9000/"});
        assertThat(options.seasons()).containsExactly(2013, 2014, 2015);
        assertThat(options.simulations()).isEqualTo(500);
        assertThat(options.url()).isEqualTo("http://localhost:9000");

        assertThatThrownBy(() -> TournamentBacktest.Options.parse(new String[] {"--data", "d", "--concurrency", "4"}))
                .hasMessage("unknown option --concurrency with --tournaments");

        options = TournamentBacktest.Options.parse(new String[] {"--data", "d", "--ratings", "games", "--as-of-day",
                "120", "--anchors", "a", "--out", "p.csv"});
        assertThat(options.ratings()).isEqualTo(BacktestData.Ratings.GAMES);
        assertThat(options.asOfDay()).isEqualTo(120);
        assertThat(options.anchors()).isEqualTo(Path.of("a"));
        assertThat(options.out()).isEqualTo(Path.of("p.csv"));
        assertThat(TournamentBacktest.Options.parse(new String[] {"--data", "d"}).ratings()).isNull();
        assertThat(TournamentBacktest.Options.parse(new String[] {"--data", "d"}).asOfDay()).isEqualTo(132);
        assertThatThrownBy(() -> TournamentBacktest.Options.parse(new String[] {"--data", "d", "--ratings", "kenpom"}))
                .hasMessage("--ratings must be games, teams or season, was kenpom");
    }

    @Test
    void howFarATeamWentIsCountedFromItsWins() {
        assertThat(TournamentData.reached("W01", 0)).isEqualTo("R64");
        assertThat(TournamentData.reached("W01", 1)).isEqualTo("R32");
        assertThat(TournamentData.reached("W01", 5)).isEqualTo("2ND");
        assertThat(TournamentData.reached("W01", 6)).isEqualTo("Champions");
        // A First Four team's first win only takes it to the round of 64.
        assertThat(TournamentData.reached("W16a", 0)).isEqualTo("R68");
        assertThat(TournamentData.reached("W16a", 1)).isEqualTo("R64");
        assertThat(TournamentData.reached("X11b", 3)).isEqualTo("S16");
    }

    @Test
    void theBacktestCommandHandsTournamentsOver() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Backtest.run(new String[] {"--tournaments", "--seasons", "2019"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("backtest: --data DIR is required")
                .contains("Usage: bin/tipoff backtest --tournaments");
    }
}
