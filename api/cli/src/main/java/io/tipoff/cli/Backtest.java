package io.tipoff.cli;

import io.tipoff.cli.BacktestData.Matchup;
import io.tipoff.cli.BacktestScore.Bin;
import io.tipoff.cli.BacktestScore.Probabilities;
import io.tipoff.cli.BacktestScore.Simulated;
import io.tipoff.engine.GameRandom;
import io.tipoff.ratings.SeasonGamesCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays real tournaments through the running system: {@code bin/tipoff backtest --data DIR}. Imports the team
 * seasons of a directory in the format of the shared NCAA data into the api, submits one matchup job per tournament
 * game of the chosen seasons (at a neutral site, as tournament games are, each job with a seed derived from the run's
 * and the game, so that a rerun gives identical numbers), and scores the simulated win probabilities, margins, points
 * and overtimes against what happened, next to log5 of Torvik's BARTHAG on the same games ({@link BacktestScore}).
 *
 * <p>Prints a readable report on standard output, or with {@code --json} one JSON object; {@code --out FILE} writes
 * the probabilities as CSV ({@code Season,TeamA,TeamB,P}, team ids, P the chance that team A wins). Progress and
 * notes go to standard error.
 */
public final class Backtest {

    static final String USAGE = """
            Usage: bin/tipoff backtest --data DIR [--ratings games|teams|season] [--as-of-day 132] [--anchors DIR]
                                       [--seasons 2013-2019] [--simulations 100000] [--seed 1] [--out FILE]
                                       [--json] [--concurrency 16] [--timeout 1800]
              --data DIR        tourney_games_*.csv and the ratings' files, as in the shared NCAA data
              --ratings R       games: Tipoff's own ratings from season_games_*.csv as of --as-of-day (the default
                                when DIR has them; log5 then uses pretourney_teams_*.csv if there);
                                teams: pretourney_teams_*.csv (Selection Sunday);
                                season: torvik_teams_*.csv, which include the tournament's own games (a leak)
              --as-of-day D     with --ratings games, the day whose ratings play (default 132, Selection Sunday)
              --anchors DIR     the betting market's no-vig moneylines on the same games (market_lines_*.csv)
              --seasons S       2015, 2013-2019 or 2013,2015 (default: every season in the games files)
              --simulations N   games simulated per tournament game (default 100000: the Brier score's
                                simulation error is then about 0.00006; the report prints it)
              --seed N          the run's seed (each game's job gets its own from it and the game): the
                                same seed gives the same numbers (default 1)
              --out FILE        write Season,TeamA,TeamB,P (P: the chance that TeamA, the lower id, wins)
              --json            print one JSON object instead of the report
              --concurrency N   jobs in flight at once (default 16)
              --timeout S       give up after S seconds (default 1800)
              --url URL         the api (default http://localhost:$TIPOFF_PORT, 8080)
              --tournaments     whole brackets instead of games (bin/tipoff backtest --tournaments --help)
              --pools           bracket pools of the seasons with public picks (bin/tipoff backtest --pools --help)""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** SplitMix64's increment (2⁶⁴ over the golden ratio): spreads a game's parts over the seed's bits. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Kaggle's day number of Selection Sunday: the last day before the tournament. */
    static final int SELECTION_SUNDAY = 132;

    private final Options options;
    private final PrintStream err;
    private final boolean progress;
    private final ApiClient api;

    /** The command line, checked. */
    record Options(String url, Path data, Set<Integer> seasons, long simulations, long seed, Path out, boolean json,
                   int concurrency, Duration timeout, BacktestData.Ratings ratings, int asOfDay, Path anchors) {

        static Options parse(String[] args) {
            String url = "http://localhost:" + System.getenv().getOrDefault("TIPOFF_PORT", "8080");
            Path data = null;
            Set<Integer> seasons = null;
            long simulations = 100_000;
            long seed = 1;
            Path out = null;
            int concurrency = 16;
            long timeoutSeconds = 1800;
            BacktestData.Ratings ratings = null;
            int asOfDay = SELECTION_SUNDAY;
            Path anchors = null;
            boolean json = jsonFlag(args);
            for (String[] pair : pairs(args)) {
                String option = pair[0];
                String value = pair[1];
                switch (option) {
                    case "--url" -> url = value.replaceAll("/+$", "");
                    case "--data" -> data = Path.of(value);
                    case "--seasons" -> seasons = BacktestData.parseSeasons(value);
                    case "--simulations" -> simulations = number(option, value, 1, 1_000_000_000);
                    case "--seed" -> seed = number(option, value, 0, Long.MAX_VALUE);
                    case "--out" -> out = Path.of(value);
                    case "--concurrency" -> concurrency = (int) number(option, value, 1, 256);
                    case "--timeout" -> timeoutSeconds = number(option, value, 1, 7 * 24 * 3600);
                    case "--ratings" -> ratings = BacktestData.Ratings.parse(value);
                    case "--as-of-day" -> asOfDay = (int) number(option, value, 0, SeasonGamesCsv.MAX_DAY);
                    case "--anchors" -> anchors = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            return new Options(url, data, seasons, simulations, seed, out, json, concurrency,
                    Duration.ofSeconds(timeoutSeconds), ratings, asOfDay, anchors);
        }

        /** Whether the command line has {@code --json}, the one option without a value. */
        static boolean jsonFlag(String[] args) {
            return flag(args, "--json");
        }

        static boolean flag(String[] args, String flag) {
            return List.of(args).contains(flag);
        }

        /** Every option but {@code --json} and the other valueless {@code flags}, with its value, in order. */
        static List<String[]> pairs(String[] args, String... flags) {
            List<String> valueless = new ArrayList<>(List.of(flags));
            valueless.add("--json");
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (valueless.contains(option)) {
                    continue;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                            : "unexpected argument " + option);
                }
                pairs.add(new String[] {option, args[++i]});
            }
            return pairs;
        }

        static long number(String option, String value, long min, long max) {
            try {
                long number = Long.parseLong(value.replace("_", ""));
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max
                    + ", was " + value);
        }
    }

    private Backtest(Options options, PrintStream err, boolean progress) {
        this.options = options;
        this.err = err;
        this.progress = progress;
        this.api = new ApiClient(options.url());
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs a backtest as the command line says; returns the exit status: 0 done, 1 failed (the reason on
     * {@code err}), 2 a bad command line.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--pools")) {
            return PoolBacktest.run(List.of(args).stream().filter(a -> !a.equals("--pools"))
                    .toArray(String[]::new), out, err);
        }
        if (List.of(args).contains("--tournaments")) {
            return TournamentBacktest.run(List.of(args).stream().filter(a -> !a.equals("--tournaments"))
                    .toArray(String[]::new), out, err);
        }
        return command(args, out, err, USAGE, Options::parse, (options, printTo) -> new Backtest(options, err,
                System.console() != null && err == System.err).run(printTo));
    }

    /** What a backtest does once its command line is read. */
    interface Command<O> {
        void run(O options, PrintStream out) throws IOException, InterruptedException;
    }

    /**
     * Runs a backtest command: {@code --help} prints its usage; a command line {@code parse} refuses is exit status 2
     * (the reason and the usage on {@code err}); a failure of the command is 1 (the reason on {@code err}); done is 0.
     */
    static <O> int command(String[] args, PrintStream out, PrintStream err, String usage,
                           Function<String[], O> parse, Command<O> command) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(usage);
            return 0;
        }
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            err.println("backtest: " + e.getMessage());
            err.println(usage);
            return 2;
        }
        try {
            command.run(options, out);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("backtest: " + e.getMessage());
            return 1;
        } catch (JacksonException e) {
            err.println("backtest: the api answered something that is not the expected JSON: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("backtest: interrupted");
            return 1;
        }
    }

    private void run(PrintStream out) throws IOException, InterruptedException {
        BacktestData.Ratings ratings = ratings();
        BacktestData data = BacktestData.read(options.data(), options.seasons(), ratings);
        Anchors anchors = options.anchors() == null ? null : Anchors.read(options.anchors());
        for (Path file : data.seasonGameFiles()) {
            importGames(file);
        }
        // With the games, the team files only give log5 its BARTHAG: the games alone rate the teams.
        for (Path file : ratings == BacktestData.Ratings.GAMES ? List.<Path>of() : data.teamFiles()) {
            importTeams(file);
        }
        List<Matchup> games = data.games();
        List<Played> played = simulateAll(games);
        List<BacktestScore.Game> scored = new ArrayList<>(games.size());
        for (int i = 0; i < games.size(); i++) {
            Matchup game = games.get(i);
            scored.add(new BacktestScore.Game(game.outcome(), played.get(i).simulated(), game.log5(),
                    anchors == null ? null : anchors.market(game), played.get(i).marginLogP(),
                    played.get(i).normalMarginLogP()));
        }
        List<Simulated> simulated = played.stream().map(Played::simulated).toList();
        BacktestScore score = BacktestScore.of(scored);
        if (options.out() != null) {
            writeProbabilities(options.out(), games, simulated);
            err.println("Wrote " + games.size() + " probabilities to " + options.out());
        }
        String source = source(ratings, options.asOfDay());
        if (options.json()) {
            ObjectNode json = json(score, data.seasons(), options.simulations(), options.seed());
            json.put("ratings", ratings.name().toLowerCase(java.util.Locale.ROOT));
            json.put("ratingsSource", source);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            if (ratings == BacktestData.Ratings.SEASON) {
                out.println(SEASON_WARNING);
                out.println();
            }
            out.print(report(score, data.seasons(), options.simulations(), options.seed(), source));
        }
    }

    static final String SEASON_WARNING = "WARNING: --ratings season plays Torvik's full-season statistics, which "
            + "include the tournament's own games:\nevery figure below knows part of the future. Use --ratings games "
            + "or teams for an honest forecast.";

    private BacktestData.Ratings ratings() throws IOException {
        if (options.ratings() != null) {
            return options.ratings();
        }
        if (!java.nio.file.Files.isDirectory(options.data())) {
            throw new IllegalArgumentException(options.data() + " is not a directory");
        }
        return BacktestData.Ratings.defaultFor(options.data());
    }

    /** What the ratings of a backtest were, in words, for its report. */
    static String source(BacktestData.Ratings ratings, int asOfDay) {
        return switch (ratings) {
            case GAMES -> "Tipoff's own, from each season's games up to day " + asOfDay + " (season_games)";
            case TEAMS -> "pre-tournament statistics as of Selection Sunday (pretourney_teams)";
            case SEASON -> "full-season statistics (torvik_teams), tournament games included: a leak";
        };
    }

    // --- the api -------------------------------------------------------------------------------------------------

    private void importGames(Path file) throws IOException, InterruptedException {
        JsonNode imported = api.importGames(file);
        err.printf(Locale.ROOT, "Imported %d games (%d new or corrected) from %s%n", imported.path("games").asInt(),
                imported.path("stored").asInt(), file.getFileName());
    }

    private void importTeams(Path file) throws IOException, InterruptedException {
        JsonNode imported = api.importTeams(file);
        List<Integer> seasons = new ArrayList<>();
        imported.path("seasons").forEach(season -> seasons.add(season.path("season").asInt()));
        err.printf(Locale.ROOT, "Imported %d team seasons (%s) from %s%n", imported.path("teams").asInt(),
                BacktestData.seasonsText(Set.copyOf(seasons)), file.getFileName());
    }

    /** Simulates every game, at most {@code --concurrency} jobs at a time; the results in the order of the games. */
    private List<Played> simulateAll(List<Matchup> games) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), games.size()), task -> {
            Thread thread = new Thread(task, "backtest");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Played>> futures = new ArrayList<>(games.size());
            for (Matchup game : games) {
                futures.add(pool.submit(() -> {
                    Played result = simulate(game, deadline);
                    showProgress(done.incrementAndGet(), games.size());
                    return result;
                }));
            }
            List<Played> results = new ArrayList<>(games.size());
            for (Future<Played> future : futures) {
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw timedOut(done.get(), games.size());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            if (progress) {
                err.println();
            }
        }
    }

    /**
     * One game as simulated, with the log chance its distribution gave the actual margin, and the same of a normal
     * around the efficiency margin of the teams as the job played them (null when they had no adjusted efficiencies).
     */
    record Played(Simulated simulated, double marginLogP, Double normalMarginLogP) {
    }

    /** Submits one game's job, waits until it completes and reads its result. */
    private Played simulate(Matchup game, long deadline) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "MATCHUP");
        body.put("simulations", options.simulations());
        body.put("seed", jobSeed(options.seed(), game));
        ObjectNode matchup = body.putObject("matchup");
        ObjectNode teamA = matchup.putObject("teamA").put("season", game.season()).put("teamId", game.teamA());
        ObjectNode teamB = matchup.putObject("teamB").put("season", game.season()).put("teamId", game.teamB());
        if (ratings() == BacktestData.Ratings.GAMES) {
            teamA.put("asOfDay", options.asOfDay());
            teamB.put("asOfDay", options.asOfDay());
        }
        matchup.put("venue", "NEUTRAL");
        String what = "season " + game.season() + ", team " + game.teamA() + " vs team " + game.teamB();
        String id = api.submit(body, what);
        JsonNode result = api.result(id, what, deadline);
        Simulated simulated = new Simulated(result.get("simulations").asLong(),
                result.get("teamA").get("winProbability").asDouble(),
                result.get("margin").get("mean").asDouble(), result.get("margin").get("stdDev").asDouble(),
                result.get("totalPoints").get("mean").asDouble(), result.get("overtimeRate").asDouble());
        long count = 0;
        for (JsonNode bar : result.get("margin").get("histogram")) {
            count += bar.get(0).asInt() == game.outcome().margin() ? bar.get(1).asLong() : 0;
        }
        Double expected = efficiencyMargin(api.job(id));
        return new Played(simulated, BacktestScore.simulatedMarginLogP(count, result.get("simulations").asLong()),
                expected == null ? null : BacktestScore.normalMarginLogP(expected, game.outcome().margin()));
    }

    /**
     * The seed of one game's job, from {@code --seed} and the game (its season and both teams: two teams meet at most
     * once in a tournament): a rerun plays the same numbers, and different games play independent ones, so that the
     * simulation errors of the games average out as {@link BacktestScore#brierSimulationError()} says. With one seed
     * for every job, all games replayed the same random numbers and similar matchups erred together (docs/MODEL.md).
     * Below 2⁵³, as the api's own seeds, so that any JSON reader keeps it exact.
     */
    static long jobSeed(long seed, Matchup game) {
        long z = seed;
        for (long part : new long[] {game.season(), game.teamA(), game.teamB()}) {
            z = GameRandom.mix64(z + GOLDEN_GAMMA * (part + 1));
        }
        return z & ((1L << 53) - 1);
    }

    /**
     * Team A's expected margin at a neutral site by the efficiency model alone, as the engine sets points per
     * possession (docs/MODEL.md): {@code (adjO_A × adjD_B − adjO_B × adjD_A) / league efficiency / 100} points per
     * possession, times the matchup's tempo {@code tempo_A × tempo_B / league tempo}. Null without adjusted
     * efficiencies.
     */
    static Double efficiencyMargin(JsonNode job) {
        JsonNode a = job.path("matchup").path("teamA");
        JsonNode b = job.path("matchup").path("teamB");
        JsonNode league = job.path("league");
        if (!a.path("adjOffense").isNumber() || !b.path("adjOffense").isNumber()) {
            return null;
        }
        double efficiency = league.path("efficiency").asDouble();
        double tempo = a.path("tempo").asDouble() * b.path("tempo").asDouble() / league.path("tempo").asDouble();
        return (a.path("adjOffense").asDouble() * b.path("adjDefense").asDouble()
                - b.path("adjOffense").asDouble() * a.path("adjDefense").asDouble()) / efficiency / 100 * tempo;
    }

    private IllegalStateException timedOut(int done, int games) {
        return new IllegalStateException("timed out after " + options.timeout().toSeconds() + " s with " + done
                + " of " + games + " games simulated (--timeout)");
    }

    private void showProgress(int done, int games) {
        if (progress) {
            synchronized (err) {
                err.printf(Locale.ROOT, "\r  %d of %d games simulated", done, games);
            }
        }
    }

    // --- output --------------------------------------------------------------------------------------------------

    private static void writeProbabilities(Path file, List<Matchup> games, List<Simulated> simulated)
            throws IOException {
        StringBuilder csv = new StringBuilder("Season,TeamA,TeamB,P\n");
        for (int i = 0; i < games.size(); i++) {
            Matchup game = games.get(i);
            // Plain decimals, no exponent, as many digits as the simulated share needs.
            String p = BigDecimal.valueOf(simulated.get(i).winProbability()).stripTrailingZeros().toPlainString();
            csv.append(game.season()).append(',').append(game.teamA()).append(',').append(game.teamB()).append(',')
                    .append(p).append('\n');
        }
        Files.writeString(file, csv);
    }

    static String report(BacktestScore score, Set<Integer> seasons, long simulations, long seed) {
        return report(score, seasons, simulations, seed, null);
    }

    static String report(BacktestScore score, Set<Integer> seasons, long simulations, long seed, String source) {
        StringBuilder text = new StringBuilder();
        line(text, "Backtest: %d NCAA tournament games of %s at a neutral site, "
                + "%,d simulations each (seed %d)%n", score.games(), BacktestData.seasonsText(seasons),
                simulations, seed);
        if (source != null) {
            line(text, "Ratings: %s%n", source);
        }
        Probabilities tipoff = score.tipoff();
        Probabilities log5 = score.log5();
        String row = "%-28s %10s %14s %10s";
        line(text, row, "", "Tipoff", "log5 BARTHAG", "actual");
        line(text, row, "Brier score", fixed(tipoff.brier(), 4),
                log5 == null ? "n/a" : fixed(log5.brier(), 4), "");
        line(text, row, "  simulation error (1 SD)", "\u00b1" + fixed(score.brierSimulationError(), 5), "", "");
        line(text, row, "log loss", fixed(tipoff.logLoss(), 4),
                log5 == null ? "n/a" : fixed(log5.logLoss(), 4), "");
        line(text, row, "accuracy", percent(tipoff.accuracy()),
                log5 == null ? "n/a" : percent(log5.accuracy()), "");
        line(text, row, "margin spread (SD), points",
                fixed(score.marginSpread().simulated(), 2), "", fixed(score.marginSpread().actual(), 2));
        line(text, row, "mean total points", fixed(score.totalPoints().simulated(), 1),
                "", fixed(score.totalPoints().actual(), 1));
        line(text, row, "overtime share", percent(score.overtimeShare().simulated()), "",
                percent(score.overtimeShare().actual()));
        if (score.marginLogScore() != null) {
            line(text, row, "margin log score", fixed(score.marginLogScore().simulated(), 3), "", "");
            line(text, row, "  normal, efficiency margin", "", fixed(score.marginLogScore().actual(), 3), "");
        }
        line(text, "%nMargin spread: Tipoff's is the root mean square of each game's simulated standard "
                + "deviation;%nthe actual one is that of the real margin around the simulated mean margin.");
        if (score.marginLogScore() != null) {
            line(text, "Margin log score: the mean ln of the chance given to the actual margin, by the simulated "
                    + "histogram%nand by a normal around the efficiency margin with sd %.0f points (higher is better).",
                    BacktestScore.NORMAL_MARGIN_SD);
        }
        if (score.market() != null) {
            BacktestScore.OnMarket market = score.market();
            line(text, "%nOn the %d games with a closing moneyline (the market: its no-vig chance)", market.games());
            String marketRow = "%-28s %10s %14s %10s";
            line(text, marketRow, "", "Tipoff", "log5 BARTHAG", "market");
            line(text, marketRow, "Brier score", fixed(market.tipoff().brier(), 4),
                    market.log5() == null ? "n/a" : fixed(market.log5().brier(), 4), fixed(market.market().brier(), 4));
            line(text, marketRow, "log loss", fixed(market.tipoff().logLoss(), 4),
                    market.log5() == null ? "n/a" : fixed(market.log5().logLoss(), 4),
                    fixed(market.market().logLoss(), 4));
        }

        line(text, "%nCalibration by decile of P, the chance that team A (the lower team id) wins");
        String bins = "%-9s" + " %7s %10s %9s" + (log5 == null ? "" : "   %7s %10s %9s");
        line(text, "%-9s %-28s%s", "", "---------- Tipoff ----------",
                log5 == null ? "" : "   ------- log5 BARTHAG -------");
        line(text, bins, "P", "games", "predicted", "observed", "games", "predicted",
                "observed");
        for (int i = 0; i < tipoff.calibration().size(); i++) {
            Bin t = tipoff.calibration().get(i);
            List<Object> cells = new ArrayList<>(List.of(fixed(t.from(), 1) + "-" + fixed(t.to(), 1),
                    Integer.toString(t.games()), fixed(t.meanPredicted(), 3), fixed(t.observed(), 3)));
            if (log5 != null) {
                Bin b = log5.calibration().get(i);
                cells.addAll(List.of(Integer.toString(b.games()), fixed(b.meanPredicted(), 3),
                        fixed(b.observed(), 3)));
            }
            line(text, bins, cells.toArray());
        }
        if (log5 == null) {
            line(text, "%nlog5 BARTHAG: not scored, some teams have no BARTHAG");
        }
        return text.toString();
    }

    /** Appends one formatted line (or several, split by %n) without trailing blanks. */
    static void line(StringBuilder text, String format, Object... args) {
        String formatted = String.format(Locale.ROOT, format, args);
        formatted.lines().forEach(l -> text.append(l.stripTrailing()).append('\n'));
        if (formatted.isEmpty() || formatted.endsWith("\n")) {
            text.append('\n');
        }
    }

    static ObjectNode json(BacktestScore score, Set<Integer> seasons, long simulations, long seed) {
        ObjectNode json = JSON.createObjectNode();
        json.put("games", score.games());
        ArrayNode seasonList = json.putArray("seasons");
        seasons.stream().sorted().forEach(seasonList::add);
        json.put("simulations", simulations);
        json.put("seed", seed);
        json.set("tipoff", json(score.tipoff()).put("brierSimulationError", score.brierSimulationError()));
        json.set("log5Barthag", score.log5() == null ? JSON.nullNode() : json(score.log5()));
        json.putObject("marginSpread").put("simulated", score.marginSpread().simulated())
                .put("actual", score.marginSpread().actual());
        json.putObject("totalPoints").put("simulated", score.totalPoints().simulated())
                .put("actual", score.totalPoints().actual());
        json.putObject("overtimeShare").put("simulated", score.overtimeShare().simulated())
                .put("actual", score.overtimeShare().actual());
        if (score.marginLogScore() != null) {
            json.putObject("marginLogScore").put("simulated", score.marginLogScore().simulated())
                    .put("normal", score.marginLogScore().actual());
        }
        if (score.market() != null) {
            ObjectNode market = json.putObject("market");
            market.put("games", score.market().games());
            market.set("tipoff", json(score.market().tipoff()));
            market.set("log5Barthag", score.market().log5() == null ? JSON.nullNode() : json(score.market().log5()));
            market.set("market", json(score.market().market()));
        }
        return json;
    }

    private static ObjectNode json(Probabilities probabilities) {
        ObjectNode json = JSON.createObjectNode();
        json.put("brier", probabilities.brier());
        json.put("logLoss", probabilities.logLoss());
        json.put("accuracy", probabilities.accuracy());
        ArrayNode calibration = json.putArray("calibration");
        for (Bin bin : probabilities.calibration()) {
            ObjectNode row = calibration.addObject();
            row.put("from", bin.from()).put("to", bin.to()).put("games", bin.games());
            if (bin.games() == 0) {
                row.putNull("meanPredicted").putNull("observed");
            } else {
                row.put("meanPredicted", bin.meanPredicted()).put("observed", bin.observed());
            }
        }
        return json;
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
