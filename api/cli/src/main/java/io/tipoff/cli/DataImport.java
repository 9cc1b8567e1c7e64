package io.tipoff.cli;

import io.tipoff.model.BracketCsv;
import io.tipoff.model.TeamDataException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports a directory in the format of the shared NCAA data into the api: every {@code season_games_*.csv} (the
 * games teams are rated from, as of any day), every {@code torvik_teams_*.csv}, then the bracket of every season
 * found in a {@code tourney_seeds_*.csv}, with the {@code tourney_slots_*.csv} of the same name (a bracket names
 * imported teams, so it needs the team files). What {@code bin/tipoff import} does, and the tournament backtest
 * before it simulates. Importing is idempotent: a season imported again is replaced by the same data, a game
 * imported again changes nothing.
 */
final class DataImport {

    static final String SEED_FILES = "tourney_seeds_*.csv";

    private DataImport() {
    }

    /** A seeds file, the slots file beside it, and the seasons of its rows. */
    record BracketFiles(Path seeds, Path slots, Set<Integer> seasons) {
    }

    /**
     * Every seeds file of the directory with its slots file ({@code tourney_seeds_X.csv} with
     * {@code tourney_slots_X.csv}).
     *
     * @throws IllegalArgumentException when there is none, a slots file is missing or a seeds file is not readable
     */
    static List<BracketFiles> bracketFiles(Path dir) throws IOException {
        List<BracketFiles> brackets = new ArrayList<>();
        for (Path seeds : BacktestData.files(dir, SEED_FILES)) {
            String name = seeds.getFileName().toString();
            Path slots = seeds.resolveSibling("tourney_slots_" + name.substring("tourney_seeds_".length()));
            if (!Files.isRegularFile(slots)) {
                throw new IllegalArgumentException(name + " has no " + slots.getFileName() + " beside it");
            }
            Set<Integer> seasons = new TreeSet<>();
            try {
                BracketCsv.seeds(Files.readString(seeds)).forEach(row -> seasons.add(row.season()));
            } catch (TeamDataException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            brackets.add(new BracketFiles(seeds, slots, seasons));
        }
        return brackets;
    }

    /**
     * Imports the teams, then the brackets of {@code seasons} (null: all of them), saying so on {@code log}: a line
     * per team file and a line per season.
     *
     * @return the seasons whose bracket was imported
     */
    static Set<Integer> run(ApiClient api, Path dir, Set<Integer> seasons, PrintStream log)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        List<Path> gameFiles = BacktestData.optionalFiles(dir, BacktestData.SEASON_GAME_FILES);
        for (Path file : gameFiles) {
            var imported = api.importGames(file);
            log.printf(Locale.ROOT, "Imported %d games (%d new or corrected) from %s%n",
                    imported.path("games").asInt(), imported.path("stored").asInt(), file.getFileName());
        }
        List<Path> teamFiles = BacktestData.optionalFiles(dir, BacktestData.TEAM_FILES);
        if (teamFiles.isEmpty()) {
            if (gameFiles.isEmpty()) {
                throw new IllegalArgumentException("no " + BacktestData.TEAM_FILES + " or "
                        + BacktestData.SEASON_GAME_FILES + " in " + dir);
            }
            log.println("No " + BacktestData.TEAM_FILES + ": the games alone are imported (brackets need teams)");
            return Set.of();
        }
        List<BracketFiles> brackets = bracketFiles(dir);
        for (Path file : teamFiles) {
            var imported = api.importTeams(file);
            Set<Integer> teamSeasons = new TreeSet<>();
            imported.path("seasons").forEach(season -> teamSeasons.add(season.path("season").asInt()));
            log.printf(Locale.ROOT, "Imported %d team seasons (%s) from %s%n", imported.path("teams").asInt(),
                    BacktestData.seasonsText(teamSeasons), file.getFileName());
        }
        Set<Integer> done = new TreeSet<>();
        for (BracketFiles files : brackets) {
            for (int season : files.seasons()) {
                // A season in two seeds files is imported from the first (by name).
                if ((seasons == null || seasons.contains(season)) && done.add(season)) {
                    var imported = api.importBracket(season, files.seeds(), files.slots());
                    log.printf(Locale.ROOT, "Season %d: bracket of %d teams and %d slots imported from %s%n", season,
                            imported.path("teams").asInt(), imported.path("slots").asInt(),
                            files.seeds().getFileName());
                }
            }
        }
        if (done.isEmpty()) {
            throw new IllegalArgumentException("no bracket of " + (seasons == null ? "any season"
                    : "seasons " + BacktestData.seasonsText(seasons)) + " in " + dir.resolve(SEED_FILES));
        }
        return done;
    }
}
