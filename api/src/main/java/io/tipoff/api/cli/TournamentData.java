package io.tipoff.api.cli;

import io.tipoff.model.Bracket;
import io.tipoff.model.BracketCsv;
import io.tipoff.model.TeamDataException;
import io.tipoff.model.TeamSeason;
import io.tipoff.model.TorvikCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tournaments a tournament backtest replays, read from a directory in the format of the shared NCAA data: each
 * season's bracket from {@code tourney_seeds_*.csv} and {@code tourney_slots_*.csv}, and for each seeded team from
 * {@code torvik_teams_*.csv} its BARTHAG (for the log5 bracket) and POSTSEASON (how far it really went).
 */
record TournamentData(List<Season> seasons) {

    /** A seeded team: who it is, and what the backtest compares against. */
    record Team(String seed, int teamId, String name, double barthag, String postseason) {
    }

    /** @param teams by seed, in the seeds file's order */
    record Season(int season, Map<String, Team> teams, List<Bracket.Slot> slots) {

        Map<String, Double> ratings() {
            Map<String, Double> ratings = new LinkedHashMap<>();
            teams.forEach((seed, team) -> ratings.put(seed, team.barthag()));
            return ratings;
        }
    }

    /**
     * Reads the directory and selects the brackets of the given seasons (null: every season of the seeds files). A
     * season in two seeds files is read from the first by name, as {@link DataImport} imports it.
     *
     * @throws IllegalArgumentException naming the file and line of bad data, or the team that lacks what is needed
     */
    static TournamentData read(Path dir, Set<Integer> seasons) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        Map<String, TeamSeason> teams = new HashMap<>();
        for (Path file : BacktestData.files(dir, BacktestData.TEAM_FILES)) {
            for (TeamSeason team : parse(file, TorvikCsv::read)) {
                teams.put(team.season() + "/" + team.teamId(), team);
            }
        }
        Map<Integer, Season> selected = new TreeMap<>();
        for (DataImport.BracketFiles files : DataImport.bracketFiles(dir)) {
            List<BracketCsv.SeedRow> seeds = parse(files.seeds(), BracketCsv::seeds);
            List<BracketCsv.SlotRow> slots = parse(files.slots(), BracketCsv::slots);
            for (int season : files.seasons()) {
                if ((seasons == null || seasons.contains(season)) && !selected.containsKey(season)) {
                    selected.put(season, season(season, seeds, slots, teams, files.seeds().getFileName()));
                }
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no bracket of " + (seasons == null ? "any season"
                    : "seasons " + BacktestData.seasonsText(seasons)) + " in " + dir.resolve(DataImport.SEED_FILES));
        }
        return new TournamentData(List.copyOf(selected.values()));
    }

    private static Season season(int season, List<BracketCsv.SeedRow> seeds, List<BracketCsv.SlotRow> slots,
                                 Map<String, TeamSeason> teams, Path file) {
        Map<String, Team> seeded = new LinkedHashMap<>();
        for (BracketCsv.SeedRow row : seeds) {
            if (row.season() != season) {
                continue;
            }
            TeamSeason team = teams.get(season + "/" + row.teamId());
            String where = "season " + season + ": team " + row.teamId() + " (" + row.seed() + ", " + file
                    + " line " + row.line() + ")";
            if (team == null) {
                throw new IllegalArgumentException(where + " is not in the team data (" + BacktestData.TEAM_FILES
                        + ")");
            }
            if (team.barthag() == null || team.postseason() == null) {
                throw new IllegalArgumentException(where + " has no " + (team.barthag() == null ? "BARTHAG"
                        : "POSTSEASON") + " in the team data");
            }
            try {
                TournamentScore.teamsLeft(team.postseason());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " has POSTSEASON " + team.postseason()
                        + ", which is no round of the tournament", e);
            }
            seeded.put(row.seed(), new Team(row.seed(), row.teamId(), team.name(), team.barthag(),
                    team.postseason()));
        }
        List<Bracket.Slot> games = new ArrayList<>();
        slots.stream().filter(row -> row.season() == season).forEach(row -> games.add(row.toSlot()));
        return new Season(season, seeded, List.copyOf(games));
    }

    private static <T> List<T> parse(Path file, Function<String, List<T>> reader) throws IOException {
        try {
            return reader.apply(Files.readString(file));
        } catch (TeamDataException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
