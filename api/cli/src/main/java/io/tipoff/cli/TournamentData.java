package io.tipoff.cli;

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

    /**
     * A seeded team: who it is, and what the backtest compares against.
     *
     * @param barthag NaN when the data has none (a backtest of the games alone, without a pre-tournament file)
     */
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
        return read(dir, seasons, BacktestData.Ratings.SEASON);
    }

    /**
     * Reads the directory for a tournament backtest with the given ratings. With the season statistics, each team's
     * BARTHAG and POSTSEASON come from them; otherwise how far a team went is counted from the tournament's games
     * ({@code tourney_games_*.csv}) and BARTHAG is the pre-tournament file's (optional with the games: without it,
     * log5 is not scored).
     */
    static TournamentData read(Path dir, Set<Integer> seasons, BacktestData.Ratings ratings) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        Map<String, Integer> wins = ratings == BacktestData.Ratings.SEASON ? null
                : wins(BacktestData.read(dir, seasons, ratings).games());
        Map<String, TeamSeason> teams = new HashMap<>();
        List<Path> teamFiles = switch (ratings) {
            case SEASON -> BacktestData.files(dir, BacktestData.TEAM_FILES);
            case TEAMS -> BacktestData.files(dir, BacktestData.PRETOURNEY_FILES);
            case GAMES -> BacktestData.optionalFiles(dir, BacktestData.PRETOURNEY_FILES);
        };
        for (Path file : teamFiles) {
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
                    selected.put(season, season(season, seeds, slots, teams, wins,
                            files.seeds().getFileName()));
                }
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no bracket of " + (seasons == null ? "any season"
                    : "seasons " + BacktestData.seasonsText(seasons)) + " in " + dir.resolve(DataImport.SEED_FILES));
        }
        return new TournamentData(List.copyOf(selected.values()));
    }

    /** Each team's wins in the tournament's games, by "season/teamId" (0 for a team that only lost). */
    static Map<String, Integer> wins(List<BacktestData.Matchup> games) {
        Map<String, Integer> wins = new HashMap<>();
        for (BacktestData.Matchup game : games) {
            wins.merge(game.season() + "/" + game.teamA(), game.outcome().teamAWon() ? 1 : 0, Integer::sum);
            wins.merge(game.season() + "/" + game.teamB(), game.outcome().teamAWon() ? 0 : 1, Integer::sum);
        }
        return wins;
    }

    /**
     * How far a team went, in Torvik's words (R68 for a First Four loss, then R64 … E8, F4, 2ND, Champions), from its
     * wins: a First Four team (a seed with a or b, W16a) reaches only the round of 64 with its first.
     */
    static String reached(String seed, int wins) {
        List<String> rounds = List.of("R64", "R32", "S16", "E8", "F4", "2ND", "Champions");
        int round = seed.length() > 3 ? wins - 1 : wins;
        return round < 0 ? "R68" : rounds.get(Math.min(round, rounds.size() - 1));
    }

    private static Season season(int season, List<BracketCsv.SeedRow> seeds, List<BracketCsv.SlotRow> slots,
                                 Map<String, TeamSeason> teams, Map<String, Integer> wins, Path file) {
        Map<String, Team> seeded = new LinkedHashMap<>();
        for (BracketCsv.SeedRow row : seeds) {
            if (row.season() != season) {
                continue;
            }
            TeamSeason team = teams.get(season + "/" + row.teamId());
            String where = "season " + season + ": team " + row.teamId() + " (" + row.seed() + ", " + file
                    + " line " + row.line() + ")";
            if (wins != null) {
                Integer won = wins.get(season + "/" + row.teamId());
                if (won == null) {
                    throw new IllegalArgumentException(where + " plays no game of " + BacktestData.GAME_FILES);
                }
                seeded.put(row.seed(), new Team(row.seed(), row.teamId(),
                        team == null ? "Team " + row.teamId() : team.name(),
                        team == null || team.barthag() == null ? Double.NaN : team.barthag(),
                        reached(row.seed(), won)));
                continue;
            }
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
