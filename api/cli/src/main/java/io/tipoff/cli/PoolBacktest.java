package io.tipoff.cli;

import static io.tipoff.cli.Backtest.fixed;
import static io.tipoff.cli.Backtest.line;

import io.tipoff.model.BracketShape;
import io.tipoff.model.PicksCsv;
import io.tipoff.pool.PoolSpec;
import io.tipoff.ratings.SeasonGamesCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bracket pools on real tournaments: {@code bin/tipoff backtest --pools --data DIR --anchors DIR}. For every season
 * with public picks in the anchors ({@code espn_whopickedwhom_men_YYYY.csv}), imports the games, teams, bracket and
 * picks, runs a BRACKET_POOL job with the teams rated from the season's games up to Selection Sunday, and scores the
 * chosen entry, chalk and the favourites on what really happened: each entry's points, and its chance to win and mean
 * place among {@code --fields} public fields drawn from the picks and scored on the real outcome.
 */
final class PoolBacktest {

    static final String USAGE = """
            Usage: bin/tipoff backtest --pools --data DIR --anchors DIR [--entrants 100] [--seasons 2016-2018]
                                       [--simulations 20000] [--fields 20000] [--as-of-day 132] [--seed 1] [--json]
                                       [--timeout 1800]
              --data DIR        season_games_*.csv, torvik_teams_*.csv, tourney_seeds/slots_*.csv and
                                tourney_games_*.csv, as in the shared NCAA data
              --anchors DIR     espn_whopickedwhom_men_YYYY.csv: the seasons with public picks
              --entrants N      entries in the pool, yours included (default 100)
              --simulations N   tournaments (each with its own public field) per season's pool job (default 20000)
              --fields N        public fields drawn to place each entry on the real outcome (default 20000)
              --as-of-day D     the day whose ratings from the games play (default 132, Selection Sunday)
              --seed N          the seed of every job and of the fields (default 1)
              --json            print one JSON object instead of the report
              --url URL         the api (default http://localhost:$TIPOFF_PORT, 8080)""";

    static final List<String> ENTRIES = List.of("chosen", "chalk", "favorites");

    record Options(String url, Path data, Path anchors, Set<Integer> seasons, int entrants, long simulations,
                   int fields, int asOfDay, long seed, boolean json, Duration timeout) {

        static Options parse(String[] args) {
            String url = "http://localhost:" + System.getenv().getOrDefault("TIPOFF_PORT", "8080");
            Path data = null;
            Path anchors = null;
            Set<Integer> seasons = null;
            int entrants = 100;
            long simulations = 20_000;
            int fields = 20_000;
            int asOfDay = Backtest.SELECTION_SUNDAY;
            long seed = 1;
            long timeoutSeconds = 1800;
            boolean json = Backtest.Options.jsonFlag(args);
            for (String[] pair : Backtest.Options.pairs(args)) {
                String option = pair[0];
                String value = pair[1];
                switch (option) {
                    case "--url" -> url = value.replaceAll("/+$", "");
                    case "--data" -> data = Path.of(value);
                    case "--anchors" -> anchors = Path.of(value);
                    case "--seasons" -> seasons = BacktestData.parseSeasons(value);
                    case "--entrants" -> entrants = (int) Backtest.Options.number(option, value, 2,
                            PoolSpec.MAX_ENTRANTS);
                    case "--simulations" -> simulations = Backtest.Options.number(option, value, 1, 1_000_000_000);
                    case "--fields" -> fields = (int) Backtest.Options.number(option, value, 1, 10_000_000);
                    case "--as-of-day" -> asOfDay = (int) Backtest.Options.number(option, value, 0,
                            SeasonGamesCsv.MAX_DAY);
                    case "--seed" -> seed = Backtest.Options.number(option, value, 0, Long.MAX_VALUE);
                    case "--timeout" -> timeoutSeconds = Backtest.Options.number(option, value, 1, 7 * 24 * 3600);
                    default -> throw new IllegalArgumentException("unknown option " + option + " with --pools");
                }
            }
            if (data == null || anchors == null) {
                throw new IllegalArgumentException("--data DIR and --anchors DIR are required");
            }
            return new Options(url, data, anchors, seasons, entrants, simulations, fields, asOfDay, seed, json,
                    Duration.ofSeconds(timeoutSeconds));
        }
    }

    /** One entry of one season: what the job expected of it, and how it did on the real outcome. */
    record Scored(int season, String entry, String label, double expectedWin, double expectedScore, PoolScore real) {
    }

    private final Options options;
    private final PrintStream err;
    private final ApiClient api;

    private PoolBacktest(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
        this.api = new ApiClient(options.url());
    }

    /** Runs as the command line says (without {@code --pools}); 0 done, 1 failed, 2 a bad command line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return Backtest.command(args, out, err, USAGE, Options::parse,
                (options, printTo) -> new PoolBacktest(options, err).run(printTo));
    }

    /** The picks files of the anchors, by season. */
    static Map<Integer, Path> picksFiles(Path anchors, Set<Integer> seasons) throws IOException {
        Map<Integer, Path> files = new TreeMap<>();
        for (Path file : BacktestData.files(anchors, "espn_whopickedwhom_men_*.csv")) {
            String name = file.getFileName().toString();
            int season = Integer.parseInt(name.replaceAll("\\D", ""));
            if (seasons == null || seasons.contains(season)) {
                files.put(season, file);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no public picks of " + (seasons == null ? "any season"
                    : "seasons " + BacktestData.seasonsText(seasons)) + " in " + anchors);
        }
        return files;
    }

    private void run(PrintStream out) throws IOException, InterruptedException {
        Map<Integer, Path> picksFiles = picksFiles(options.anchors(), options.seasons());
        Set<Integer> seasons = new TreeSet<>(picksFiles.keySet());
        DataImport.run(api, options.data(), seasons, err);
        TournamentData data = TournamentData.read(options.data(), seasons, BacktestData.Ratings.GAMES);
        Map<String, Integer> realWinners = new HashMap<>();
        for (BacktestData.Matchup game : BacktestData.read(options.data(), seasons, BacktestData.Ratings.GAMES)
                .games()) {
            realWinners.put(game.season() + "/" + game.teamA() + "/" + game.teamB(),
                    game.outcome().teamAWon() ? game.teamA() : game.teamB());
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Map<Integer, String> jobs = new LinkedHashMap<>();
        for (var entry : picksFiles.entrySet()) {
            JsonNode imported = api.importPicks(entry.getKey(), entry.getValue());
            err.printf(Locale.ROOT, "Season %d: public picks of %d seeds imported from %s%n", entry.getKey(),
                    imported.path("seeds").asInt(), entry.getValue().getFileName());
            jobs.put(entry.getKey(), api.submit(job(entry.getKey()), "the pool of " + entry.getKey()));
        }
        List<Scored> scored = new ArrayList<>();
        for (TournamentData.Season season : data.seasons()) {
            JsonNode result = api.result(jobs.get(season.season()), "the pool of " + season.season(), deadline);
            err.printf(Locale.ROOT, "Season %d: %,d pools simulated (job %s)%n", season.season(),
                    result.path("simulations").asLong(), jobs.get(season.season()));
            scored.addAll(score(season, result, picksFiles.get(season.season()), realWinners));
        }
        if (options.json()) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(scored)));
        } else {
            out.print(report(scored, options));
        }
    }

    private ObjectNode job(int season) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("type", "BRACKET_POOL");
        body.put("simulations", options.simulations());
        body.put("seed", options.seed());
        ObjectNode pool = body.putObject("pool");
        pool.put("season", season);
        pool.put("entrants", options.entrants());
        ArrayNode scoring = pool.putArray("scoring");
        PoolSpec.ESPN_SCORING.forEach(scoring::add);
        pool.put("asOfDay", options.asOfDay());
        return body;
    }

    private List<Scored> score(TournamentData.Season season, JsonNode result, Path picksFile,
                               Map<String, Integer> realWinners) throws IOException {
        List<String> seeds = new ArrayList<>(season.teams().keySet());
        BracketShape shape = BracketShape.of(seeds, season.slots());
        Map<Integer, String> seedOfTeam = new HashMap<>();
        season.teams().forEach((seed, team) -> seedOfTeam.put(team.teamId(), seed));
        int[] winners = PoolScore.winners(shape, (a, b) -> {
            int idA = season.teams().get(a).teamId();
            int idB = season.teams().get(b).teamId();
            Integer winner = realWinners.get(season.season() + "/" + Math.min(idA, idB) + "/" + Math.max(idA, idB));
            return winner == null ? null : seedOfTeam.get(winner);
        });
        List<PoolSpec.SeedPicks> picks = new ArrayList<>();
        for (PicksCsv.Row row : PicksCsv.read(Files.readString(picksFile))) {
            if (row.season() == season.season()) {
                for (int id : row.teamIds()) {
                    String seed = seedOfTeam.get(id);
                    if (seed == null) {
                        throw new IllegalStateException(picksFile.getFileName() + " line " + row.line() + ": team "
                                + id + " is not in the " + season.season() + " bracket");
                    }
                    picks.add(new PoolSpec.SeedPicks(seed, row.shares()));
                }
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (String entry : ENTRIES) {
            JsonNode figures = entry.equals("chosen") ? result : result.path("baselines").path(entry);
            Map<String, String> bracket = new LinkedHashMap<>();
            figures.path("bracket").properties().forEach(e -> bracket.put(e.getKey(), e.getValue().asString()));
            PoolScore real = PoolScore.of(shape, picks, PoolSpec.ESPN_SCORING, options.entrants(),
                    PoolScore.picks(shape, bracket), winners, options.fields(), options.seed());
            scored.add(new Scored(season.season(), entry, figures.path("entry").asString(),
                    figures.path("winProbability").asDouble(), figures.path("expectedScore").asDouble(), real));
        }
        return scored;
    }

    static String report(List<Scored> scored, Options options) {
        StringBuilder text = new StringBuilder();
        Set<Integer> seasons = new TreeSet<>();
        scored.forEach(s -> seasons.add(s.season()));
        line(text, "Pool backtest: %s, %d entrants, ESPN scoring (10-20-40-80-160-320), %,d simulated pools a season"
                + " (seed %d)", BacktestData.seasonsText(seasons), options.entrants(), options.simulations(),
                options.seed());
        line(text, "Ratings: Tipoff's own, from each season's games up to day %d; opponents: ESPN's Who Picked Whom",
                options.asOfDay());
        line(text, "Real outcome: tourney_games; each entry placed among %,d public fields drawn on it%n",
                options.fields());
        String row = "%-7s %-10s %10s %9s   %6s %9s %8s";
        line(text, row, "", "", "expected", "expected", "real", "real", "real");
        line(text, row, "season", "entry", "win pool", "score", "score", "win pool", "place");
        for (Scored s : scored) {
            line(text, row, s.season(), s.entry(), percent(s.expectedWin()), fixed(s.expectedScore(), 1),
                    s.real().score(), percent(s.real().winShare()), fixed(s.real().meanPlace(), 1));
        }
        line(text, "%nMean over the seasons:");
        for (String entry : ENTRIES) {
            List<Scored> of = scored.stream().filter(s -> s.entry().equals(entry)).toList();
            line(text, row, "", entry, percent(of.stream().mapToDouble(Scored::expectedWin).average().orElse(0)),
                    fixed(of.stream().mapToDouble(Scored::expectedScore).average().orElse(0), 1),
                    fixed(of.stream().mapToDouble(s -> s.real().score()).average().orElse(0), 1),
                    percent(of.stream().mapToDouble(s -> s.real().winShare()).average().orElse(0)),
                    fixed(of.stream().mapToDouble(s -> s.real().meanPlace()).average().orElse(0), 1));
        }
        line(text, "%nThe chosen entries:");
        scored.stream().filter(s -> s.entry().equals("chosen"))
                .forEach(s -> line(text, "  %d: %s", s.season(), s.label()));
        return text.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private ObjectNode json(List<Scored> scored) {
        ObjectNode json = ApiClient.JSON.createObjectNode();
        json.put("entrants", options.entrants());
        json.put("simulations", options.simulations());
        json.put("fields", options.fields());
        json.put("seed", options.seed());
        json.put("asOfDay", options.asOfDay());
        ArrayNode rows = json.putArray("entries");
        for (Scored s : scored) {
            rows.addObject().put("season", s.season()).put("entry", s.entry()).put("label", s.label())
                    .put("expectedWinProbability", s.expectedWin()).put("expectedScore", s.expectedScore())
                    .put("score", s.real().score()).put("winProbability", s.real().winShare())
                    .put("meanPlace", s.real().meanPlace());
        }
        return json;
    }
}
