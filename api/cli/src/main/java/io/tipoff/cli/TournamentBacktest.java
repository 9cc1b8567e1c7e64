package io.tipoff.cli;

import static io.tipoff.cli.Backtest.fixed;
import static io.tipoff.cli.Backtest.line;

import io.tipoff.cli.TournamentScore.Group;
import io.tipoff.cli.TournamentScore.Scores;
import io.tipoff.cli.TournamentScore.TeamRound;
import io.tipoff.model.BracketResults;
import io.tipoff.ratings.SeasonGamesCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays whole NCAA tournaments through the running system: {@code bin/tipoff backtest --tournaments --data DIR}.
 * Imports the directory's teams and brackets ({@link DataImport}), plays each chosen season's bracket as one
 * TOURNAMENT job (every job with the same seed, so that a rerun prints the same numbers), and scores every team's
 * chance to win each game on its path against how far it really went ({@link TournamentScore}), beside the exact
 * chances of the same bracket played with log5 of Torvik's BARTHAG ({@link Log5Bracket}).
 *
 * <p>Prints a readable report on standard output, or with {@code --json} one JSON object; progress and notes go to
 * standard error.
 */
final class TournamentBacktest {

    static final String USAGE = """
            Usage: bin/tipoff backtest --tournaments --data DIR [--ratings games|teams|season] [--as-of-day 132]
                                       [--anchors DIR] [--out FILE] [--seasons 2013-2019] [--simulations 10000]
                                       [--seed 1] [--json] [--timeout 1800] [--live]
              --data DIR        tourney_seeds_*.csv, tourney_slots_*.csv and the ratings' files, as in the shared
                                NCAA data; with games or teams, tourney_games_*.csv says how far each team went
              --ratings R       games (season_games_*.csv as of --as-of-day; the default when DIR has them), teams
                                (pretourney_teams_*.csv) or season (torvik_teams_*.csv: includes the tournament)
              --as-of-day D     with --ratings games, the day whose ratings play (default 132, Selection Sunday)
              --anchors DIR     FiveThirtyEight's and KenPom's pre-tournament round chances on the same team-rounds
              --out FILE        write Season,TeamID,Round,P (Round R32 S16 E8 F4 NCG CHAMP; P the chance to reach it)
              --seasons S       2015, 2013-2019 or 2013,2015 (default: every season in the seeds files)
              --simulations N   tournaments simulated per season (default 10000)
              --seed N          the seed of every job: the same seed gives the same numbers (default 1)
              --json            print one JSON object instead of the report
              --live            forecast each bracket after each round (the results before it given), scored
                                on the team-rounds still open, beside log5 under the same results
              --timeout S       give up after S seconds (default 1800)
              --url URL         the api (default http://localhost:$TIPOFF_PORT, 8080)""";

    private final Options options;
    private final PrintStream err;
    private final ApiClient api;

    /** The command line, checked. */
    record Options(String url, Path data, Set<Integer> seasons, long simulations, long seed, boolean json,
                   Duration timeout, BacktestData.Ratings ratings, int asOfDay, Path anchors, Path out,
                   boolean live) {

        static Options parse(String[] args) {
            String url = "http://localhost:" + System.getenv().getOrDefault("TIPOFF_PORT", "8080");
            Path data = null;
            Set<Integer> seasons = null;
            long simulations = 10_000;
            long seed = 1;
            long timeoutSeconds = 1800;
            BacktestData.Ratings ratings = null;
            int asOfDay = Backtest.SELECTION_SUNDAY;
            Path anchors = null;
            Path out = null;
            boolean json = Backtest.Options.jsonFlag(args);
            boolean live = Backtest.Options.flag(args, "--live");
            for (String[] pair : Backtest.Options.pairs(args, "--live")) {
                String option = pair[0];
                String value = pair[1];
                switch (option) {
                    case "--url" -> url = value.replaceAll("/+$", "");
                    case "--data" -> data = Path.of(value);
                    case "--seasons" -> seasons = BacktestData.parseSeasons(value);
                    case "--simulations" -> simulations = Backtest.Options.number(option, value, 1, 1_000_000_000);
                    case "--seed" -> seed = Backtest.Options.number(option, value, 0, Long.MAX_VALUE);
                    case "--timeout" -> timeoutSeconds = Backtest.Options.number(option, value, 1, 7 * 24 * 3600);
                    case "--ratings" -> ratings = BacktestData.Ratings.parse(value);
                    case "--as-of-day" -> asOfDay = (int) Backtest.Options.number(option, value, 0,
                            SeasonGamesCsv.MAX_DAY);
                    case "--anchors" -> anchors = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option
                            + (option.equals("--concurrency") ? " with --tournaments" : ""));
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            if (live && (anchors != null || out != null)) {
                throw new IllegalArgumentException("--live scores forecasts made during the tournament: without "
                        + (anchors != null ? "--anchors" : "--out"));
            }
            return new Options(url, data, seasons, simulations, seed, json, Duration.ofSeconds(timeoutSeconds),
                    ratings, asOfDay, anchors, out, live);
        }
    }

    private TournamentBacktest(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
        this.api = new ApiClient(options.url());
    }

    /**
     * Runs a tournament backtest as the command line says (without {@code --tournaments}); returns the exit status:
     * 0 done, 1 failed (the reason on {@code err}), 2 a bad command line.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return Backtest.command(args, out, err, USAGE, Options::parse,
                (options, printTo) -> new TournamentBacktest(options, err).run(printTo));
    }

    private void run(PrintStream out) throws IOException, InterruptedException {
        if (!Files.isDirectory(options.data())) {
            throw new IllegalArgumentException(options.data() + " is not a directory");
        }
        BacktestData.Ratings ratings = options.ratings() != null ? options.ratings()
                : BacktestData.Ratings.defaultFor(options.data());
        TournamentData data = TournamentData.read(options.data(), options.seasons(), ratings);
        Anchors anchors = options.anchors() == null ? null : Anchors.read(options.anchors());
        Set<Integer> seasons = new TreeSet<>();
        data.seasons().forEach(season -> seasons.add(season.season()));
        switch (ratings) {
            case SEASON -> {
                DataImport.run(api, options.data(), seasons, err);
            }
            case TEAMS -> {
                // The games first, if any: the pre-tournament teams' league averages come from them.
                for (Path file : BacktestData.optionalFiles(options.data(), BacktestData.SEASON_GAME_FILES)) {
                    api.importGames(file);
                    err.println("Imported the games of " + file.getFileName());
                }
                for (Path file : BacktestData.files(options.data(), BacktestData.PRETOURNEY_FILES)) {
                    api.importTeams(file);
                    err.println("Imported the teams of " + file.getFileName());
                }
            }
            case GAMES -> {
                for (Path file : BacktestData.files(options.data(), BacktestData.SEASON_GAME_FILES)) {
                    api.importGames(file);
                    err.println("Imported the games of " + file.getFileName());
                }
            }
        }

        if (options.live()) {
            live(out, data, ratings, seasons);
            return;
        }
        // Every season's job is submitted before any is awaited: the workers play them back to back.
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Map<Integer, String> jobs = new LinkedHashMap<>();
        for (TournamentData.Season season : data.seasons()) {
            ObjectNode job = ratings == BacktestData.Ratings.SEASON ? job(season.season())
                    : job(season, ratings == BacktestData.Ratings.GAMES ? options.asOfDay() : null);
            jobs.put(season.season(), api.submit(job, "season " + season.season()));
        }
        List<TeamRound> teamRounds = new ArrayList<>();
        for (TournamentData.Season season : data.seasons()) {
            String what = "the " + season.season() + " tournament";
            JsonNode result = api.result(jobs.get(season.season()), what, deadline);
            err.printf(Locale.ROOT, "Season %d: %,d tournaments simulated (job %s)%n", season.season(),
                    result.path("simulations").asLong(), jobs.get(season.season()));
            List<TeamRound> scored = teamRounds(season, result);
            inconsistencies(scored).forEach(note -> err.println("note: " + note));
            teamRounds.addAll(scored);
        }
        TournamentScore score = TournamentScore.of(teamRounds, options.simulations());
        List<AnchorScore> anchorScores = anchors == null ? List.of() : anchorScores(data, teamRounds, anchors);
        if (options.out() != null) {
            writeChances(options.out(), data, teamRounds);
            err.println("Wrote the chances to reach each round to " + options.out());
        }
        String source = Backtest.source(ratings, options.asOfDay());
        if (options.json()) {
            ObjectNode json = json(score, seasons, options.simulations(), options.seed());
            json.put("ratings", ratings.name().toLowerCase(Locale.ROOT));
            json.put("ratingsSource", source);
            ArrayNode list = json.putArray("anchors");
            for (AnchorScore a : anchorScores) {
                ObjectNode row = list.addObject().put("anchor", a.name()).put("teamRounds", a.teamRounds());
                row.set("tipoff", json(a.tipoff()));
                row.set("log5Barthag", json(a.log5()));
                row.set("anchorScore", json(a.anchor()));
            }
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            if (ratings == BacktestData.Ratings.SEASON) {
                out.println(Backtest.SEASON_WARNING);
                out.println();
            }
            out.print(report(score, seasons, options.simulations(), options.seed()));
            StringBuilder text = new StringBuilder();
            line(text, "%nRatings: %s", source);
            for (AnchorScore a : anchorScores) {
                line(text, "%nOn the %,d team-rounds (from the round of 64's games on) that %s forecast:", a.teamRounds(),
                        a.name());
                String row = "%-16s %8s %14s %16s";
                line(text, row, "", "Tipoff", "log5 BARTHAG", a.name());
                line(text, row, "log loss", fixed(a.tipoff().logLoss(), 4), fixed(a.log5().logLoss(), 4),
                        fixed(a.anchor().logLoss(), 4));
                line(text, row, "Brier score", fixed(a.tipoff().brier(), 4), fixed(a.log5().brier(), 4),
                        fixed(a.anchor().brier(), 4));
            }
            out.print(text);
        }
    }

    /**
     * {@code --live}: every season's bracket after each round, with the results of the rounds before it given (the
     * same ratings as before the tournament: its own games are not in them), scored on the team-rounds still open,
     * beside log5 under the same results.
     */
    private void live(PrintStream out, TournamentData data, BacktestData.Ratings ratings, Set<Integer> seasons)
            throws IOException, InterruptedException {
        List<BacktestData.Matchup> games = BacktestData.read(options.data(), seasons, ratings).games();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<Map.Entry<LiveBacktest.Stage, String>> jobs = new ArrayList<>();
        for (TournamentData.Season season : data.seasons()) {
            List<BracketResults.Game> played = games.stream().filter(g -> g.season() == season.season())
                    .map(TournamentBacktest::game).toList();
            for (LiveBacktest.Stage stage : LiveBacktest.stages(season, played)) {
                ObjectNode job = ratings == BacktestData.Ratings.SEASON ? job(season.season())
                        : job(season, ratings == BacktestData.Ratings.GAMES ? options.asOfDay() : null);
                ObjectNode results = ((ObjectNode) job.get("tournament")).putObject("results");
                stage.results().forEach(results::put);
                jobs.add(Map.entry(stage, api.submit(job, "season " + season.season() + " after "
                        + stage.played())));
            }
        }
        List<LiveBacktest.Scored> scored = new ArrayList<>();
        for (Map.Entry<LiveBacktest.Stage, String> job : jobs) {
            LiveBacktest.Stage stage = job.getKey();
            TournamentData.Season season = data.seasons().stream().filter(s -> s.season() == stage.season())
                    .findFirst().orElseThrow();
            JsonNode result = api.result(job.getValue(), "the " + stage.season() + " tournament after "
                    + stage.played(), deadline);
            err.printf(Locale.ROOT, "Season %d after %s: %,d tournaments simulated (job %s)%n", stage.season(),
                    stage.played(), result.path("simulations").asLong(), job.getValue());
            List<TeamRound> all = teamRounds(season, result,
                    Log5Bracket.chances(season.ratings(), season.slots(), stage.results()));
            LiveBacktest.open(stage, season.slots(), all).forEach(r -> scored.add(new LiveBacktest.Scored(stage, r)));
        }
        TournamentScore score = TournamentScore.of(scored.stream().map(LiveBacktest.Scored::teamRound).toList(),
                options.simulations());
        List<Group> byStage = LiveBacktest.byStage(scored, options.simulations());
        String source = Backtest.source(ratings, options.asOfDay());
        if (options.json()) {
            ObjectNode json = json(score, seasons, options.simulations(), options.seed());
            json.put("live", true);
            json.put("ratings", ratings.name().toLowerCase(Locale.ROOT));
            json.put("ratingsSource", source);
            json.set("byStage", json(byStage, "afterRound"));
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return;
        }
        if (ratings == BacktestData.Ratings.SEASON) {
            out.println(Backtest.SEASON_WARNING);
            out.println();
        }
        StringBuilder text = new StringBuilder();
        line(text, "Live tournament backtest: %d NCAA tournament%s of %s, forecast after each round, %,d simulated "
                + "brackets each (seed %d)", score.seasons(), score.seasons() == 1 ? "" : "s",
                BacktestData.seasonsText(seasons), options.simulations(), options.seed());
        line(text, "%,d open team-rounds (a game not yet played, of a team still in), each scored once per round "
                + "after which it was open%n", score.teamRounds());
        String row = "%-16s %8s %14s";
        line(text, row, "", "Tipoff", "log5 BARTHAG");
        line(text, row, "log loss", fixed(score.tipoff().logLoss(), 4), fixed(score.log5().logLoss(), 4));
        line(text, row, "Brier score", fixed(score.tipoff().brier(), 4), fixed(score.log5().brier(), 4));
        line(text, "%nBy the round just played (its results and those before it given, the rest simulated; FF the "
                + "First Four, R64 the round of 64, …)");
        table(text, "after", byStage);
        line(text, "%nBy round forecast");
        table(text, "round", score.byRound());
        line(text, "%nBy season");
        table(text, "season", score.bySeason());
        line(text, "%nRatings: %s; results: tourney_games, the rounds before each forecast only", source);
        out.print(text);
    }

    /** A game as the results of a bracket take it. */
    private static BracketResults.Game game(BacktestData.Matchup m) {
        int winner = m.outcome().teamAWon() ? m.teamA() : m.teamB();
        int loser = m.outcome().teamAWon() ? m.teamB() : m.teamA();
        int margin = Math.abs(m.outcome().margin());
        return new BracketResults.Game(m.season(), m.dayNum(), winner, (m.outcome().totalPoints() + margin) / 2,
                loser, (m.outcome().totalPoints() - margin) / 2, m.outcome().overtime() ? 1 : 0);
    }

    /** A bracket given inline, each team by reference to its season: rated from its games as of a day, if given. */
    private ObjectNode job(TournamentData.Season season, Integer asOfDay) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("type", "TOURNAMENT");
        body.put("simulations", options.simulations());
        body.put("seed", options.seed());
        ObjectNode tournament = body.putObject("tournament");
        ArrayNode teams = tournament.putArray("teams");
        season.teams().forEach((seed, team) -> {
            ObjectNode reference = teams.addObject().put("seed", seed).putObject("team")
                    .put("season", season.season()).put("teamId", team.teamId());
            if (asOfDay != null) {
                reference.put("asOfDay", asOfDay);
            }
        });
        ArrayNode slots = tournament.putArray("slots");
        season.slots().forEach(slot -> slots.addObject().put("slot", slot.slot())
                .put("strongSeed", slot.strongSeed()).put("weakSeed", slot.weakSeed()));
        return body;
    }

    /** Another forecast scored on the team-rounds it covers, beside Tipoff and log5 on the same ones. */
    record AnchorScore(String name, int teamRounds, Scores tipoff, Scores log5, Scores anchor) {
    }

    private List<AnchorScore> anchorScores(TournamentData data, List<TeamRound> teamRounds, Anchors anchors) {
        List<AnchorScore> scores = new ArrayList<>();
        for (var anchor : List.of(Map.entry("FiveThirtyEight", anchors.fiveThirtyEight()),
                Map.entry("KenPom", anchors.kenPom()))) {
            List<TeamRound> covered = new ArrayList<>();
            List<Double> chances = new ArrayList<>();
            for (TeamRound r : teamRounds) {
                int teamId = team(data, r).teamId();
                Double p = anchor.getValue().getOrDefault(r.season(), Map.of()).getOrDefault(teamId, Map.of())
                        .get(r.round());
                if (p != null) {
                    covered.add(r);
                    chances.add(p);
                }
            }
            if (!covered.isEmpty()) {
                scores.add(new AnchorScore(anchor.getKey(), covered.size(),
                        TournamentScore.scores(covered, TeamRound::tipoff, 0.5 / options.simulations()),
                        TournamentScore.scores(covered, TeamRound::log5, BacktestScore.LOG_LOSS_CLIP),
                        TournamentScore.scores(covered, chances, BacktestScore.LOG_LOSS_CLIP)));
            }
        }
        return scores;
    }

    private static TournamentData.Team team(TournamentData data, TeamRound r) {
        return data.seasons().stream().filter(s -> s.season() == r.season()).findFirst().orElseThrow()
                .teams().get(r.seed());
    }

    /** {@code Season,TeamID,Round,P}: each team's chance to reach each round from the round of 32 on. */
    private static void writeChances(Path file, TournamentData data, List<TeamRound> teamRounds) throws IOException {
        StringBuilder csv = new StringBuilder("Season,TeamID,Round,P\n");
        for (TeamRound r : teamRounds) {
            if (Anchors.ROUNDS.contains(r.round())) {
                csv.append(r.season()).append(',').append(team(data, r).teamId()).append(',').append(r.round())
                        .append(',').append(BigDecimal.valueOf(r.tipoff()).stripTrailingZeros().toPlainString())
                        .append('\n');
            }
        }
        Files.writeString(file, csv);
    }

    private ObjectNode job(int season) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("type", "TOURNAMENT");
        body.put("simulations", options.simulations());
        body.put("seed", options.seed());
        body.putObject("tournament").put("season", season);
        return body;
    }

    /**
     * Every team-round of a season: each team's chance to win each game on its path as the job's result has it
     * ({@code teams[].rounds}), the same from the log5 bracket, and whether it won.
     *
     * @throws IllegalStateException when the result is not of the season's bracket
     */
    static List<TeamRound> teamRounds(TournamentData.Season season, JsonNode result) {
        return teamRounds(season, result, Log5Bracket.chances(season.ratings(), season.slots()));
    }

    /** The same, beside the given log5 chances (those of the bracket with the same games decided). */
    static List<TeamRound> teamRounds(TournamentData.Season season, JsonNode result,
                                      Map<String, Map<String, Double>> log5) {
        List<TeamRound> teamRounds = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (JsonNode team : result.path("teams")) {
            String seed = team.path("seed").asString();
            TournamentData.Team data = season.teams().get(seed);
            if (data == null || !seen.add(seed)) {
                throw new IllegalStateException("the result of the " + season.season() + " tournament has seed "
                        + seed + (data == null ? ", which its bracket in the data has not" : " twice"));
            }
            Map<String, Double> exact = log5.get(seed);
            if (!exact.keySet().equals(rounds(team).keySet())) {
                throw new IllegalStateException("the result of the " + season.season() + " tournament gives " + seed
                        + " the rounds " + rounds(team).keySet() + ", its bracket in the data " + exact.keySet());
            }
            rounds(team).forEach((round, p) -> teamRounds.add(new TeamRound(season.season(), seed, round,
                    TournamentScore.won(data.postseason(), round), p, exact.get(round))));
        }
        if (seen.size() != season.teams().size()) {
            throw new IllegalStateException("the result of the " + season.season() + " tournament has "
                    + seen.size() + " teams, its bracket in the data " + season.teams().size());
        }
        return teamRounds;
    }

    private static Map<String, Double> rounds(JsonNode team) {
        Map<String, Double> rounds = new LinkedHashMap<>();
        team.path("rounds").properties().forEach(e -> rounds.put(e.getKey(), e.getValue().path("p").asDouble()));
        return rounds;
    }

    /**
     * Rounds of a season where the teams' POSTSEASON does not match the bracket: as many teams must have won a round
     * as it has games, which the simulated chances of the round add up to (exactly, one winner per game).
     */
    static List<String> inconsistencies(List<TeamRound> season) {
        Map<String, double[]> rounds = new LinkedHashMap<>();
        for (TeamRound r : season) {
            double[] sums = rounds.computeIfAbsent(r.round(), k -> new double[2]);
            sums[0] += r.won() ? 1 : 0;
            sums[1] += r.tipoff();
        }
        List<String> notes = new ArrayList<>();
        rounds.forEach((round, sums) -> {
            if (sums[0] != Math.rint(sums[1])) {
                notes.add(String.format(Locale.ROOT, "season %d, %s: %d teams won this round by POSTSEASON, "
                        + "the bracket has %d games", season.get(0).season(), round, (long) sums[0],
                        Math.round(sums[1])));
            }
        });
        return notes;
    }

    // --- output --------------------------------------------------------------------------------------------------

    static String report(TournamentScore score, Set<Integer> seasons, long simulations, long seed) {
        StringBuilder text = new StringBuilder();
        line(text, "Tournament backtest: %d NCAA tournament%s of %s, %,d simulated brackets each (seed %d)",
                score.seasons(), score.seasons() == 1 ? "" : "s", BacktestData.seasonsText(seasons), simulations,
                seed);
        line(text, "%,d team-rounds: each team's chance to win each game on its path, against how far it went%n",
                score.teamRounds());
        String row = "%-16s %8s %14s";
        line(text, row, "", "Tipoff", "log5 BARTHAG");
        line(text, row, "log loss", fixed(score.tipoff().logLoss(), 4), fixed(score.log5().logLoss(), 4));
        line(text, row, "Brier score", fixed(score.tipoff().brier(), 4), fixed(score.log5().brier(), 4));

        line(text, "%nBy round (the round a win reaches; R64 is winning a First Four game)");
        table(text, "round", score.byRound());
        line(text, "%nBy season");
        table(text, "season", score.bySeason());
        line(text, "%nA simulated chance of 0 counts as half a tournament in %,d for the log loss.", simulations);
        return text.toString();
    }

    private static void table(StringBuilder text, String what, List<Group> groups) {
        String row = "%-7s %11s   %8s %8s   %8s %8s";
        line(text, "%-7s %11s   %17s   %17s", "", "", "---- log loss ---", "-- Brier score --");
        line(text, row, what, "team-rounds", "Tipoff", "log5", "Tipoff", "log5");
        for (Group g : groups) {
            line(text, row, g.name(), String.format(Locale.ROOT, "%,d", g.teamRounds()),
                    fixed(g.tipoff().logLoss(), 4), fixed(g.log5().logLoss(), 4), fixed(g.tipoff().brier(), 4),
                    fixed(g.log5().brier(), 4));
        }
    }

    static ObjectNode json(TournamentScore score, Set<Integer> seasons, long simulations, long seed) {
        ObjectNode json = ApiClient.JSON.createObjectNode();
        ArrayNode seasonList = json.putArray("seasons");
        new TreeSet<>(seasons).forEach(seasonList::add);
        json.put("simulations", simulations);
        json.put("seed", seed);
        json.put("teamRounds", score.teamRounds());
        json.set("tipoff", json(score.tipoff()));
        json.set("log5Barthag", json(score.log5()));
        json.set("byRound", json(score.byRound(), "round"));
        json.set("bySeason", json(score.bySeason(), "season"));
        return json;
    }

    private static ArrayNode json(List<Group> groups, String key) {
        ArrayNode list = ApiClient.JSON.createArrayNode();
        for (Group g : groups) {
            ObjectNode row = list.addObject();
            if (key.equals("season")) {
                row.put(key, Integer.parseInt(g.name()));
            } else {
                row.put(key, g.name());
            }
            row.put("teamRounds", g.teamRounds());
            row.set("tipoff", json(g.tipoff()));
            row.set("log5Barthag", json(g.log5()));
        }
        return list;
    }

    private static ObjectNode json(Scores scores) {
        return ApiClient.JSON.createObjectNode().put("logLoss", scores.logLoss()).put("brier", scores.brier());
    }
}
