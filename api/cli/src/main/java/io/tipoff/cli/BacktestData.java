package io.tipoff.cli;

import io.tipoff.model.TeamDataException;
import io.tipoff.model.TeamSeason;
import io.tipoff.model.TorvikCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The games a backtest replays, read from a directory in the format of the shared NCAA data: every
 * {@code torvik_teams_*.csv} (team seasons, Torvik's columns with TeamID) and every {@code tourney_games_*.csv}
 * (Season, DayNum, WTeamID, WScore, LTeamID, LScore, WLoc, NumOT; a game listed in two files counts once).
 *
 * @param teamFiles the team files, to be imported into the api
 * @param games     the selected seasons' games in the order played
 */
record BacktestData(List<Path> teamFiles, List<Path> seasonGameFiles, List<Matchup> games) {

    static final String TEAM_FILES = "torvik_teams_*.csv";
    static final String PRETOURNEY_FILES = "pretourney_teams_*.csv";
    static final String SEASON_GAME_FILES = "season_games_*.csv";

    /** Where a backtest's ratings come from. */
    enum Ratings {
        /** Tipoff's own, from every game of the season up to a day ({@code season_games_*.csv}). */
        GAMES,
        /** Statistics as of Selection Sunday ({@code pretourney_teams_*.csv}). */
        TEAMS,
        /** Full-season statistics ({@code torvik_teams_*.csv}), which include the tournament's own games. */
        SEASON;

        static Ratings parse(String text) {
            try {
                return valueOf(text.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--ratings must be games, teams or season, was " + text);
            }
        }

        /** The default: the games when the directory has them, else the season statistics as before. */
        static Ratings defaultFor(Path dir) throws IOException {
            try (var stream = Files.newDirectoryStream(dir, SEASON_GAME_FILES)) {
                return stream.iterator().hasNext() ? GAMES : SEASON;
            }
        }
    }
    static final String GAME_FILES = "tourney_games_*.csv";
    private static final List<String> GAME_COLUMNS = List.of("Season", "DayNum", "WTeamID", "WScore", "LTeamID",
            "LScore", "NumOT");

    /**
     * One game as the backtest asks it: team A is the team with the lower id, so that team A is the winner only as
     * often as it really wins.
     *
     * @param log5 log5 of the two teams' BARTHAG, or null when the data lacks one of them
     */
    record Matchup(int season, int dayNum, int teamA, int teamB, BacktestScore.Outcome outcome, Double log5) {
    }

    /**
     * Reads the directory and selects the games of the given seasons (null: every season in the games files).
     *
     * @throws IllegalArgumentException naming the file, line and column of bad data, or the season and id of a team
     *                                  that plays in a game but is not in the team data
     */
    static BacktestData read(Path dir, Set<Integer> seasons) throws IOException {
        return read(dir, seasons, Ratings.SEASON);
    }

    /**
     * Reads the directory for a backtest with the given ratings: the games files and the team files to import
     * ({@code season_games_*.csv}, {@code pretourney_teams_*.csv} or {@code torvik_teams_*.csv}). Log5 is of the
     * BARTHAG of the team files; with the games, of the pre-tournament file's when the directory has one.
     */
    static BacktestData read(Path dir, Set<Integer> seasons, Ratings ratings) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        // Pre-tournament teams are no league: their league averages come from the season's games, when there are any.
        List<Path> seasonGameFiles = switch (ratings) {
            case GAMES -> files(dir, SEASON_GAME_FILES);
            case TEAMS -> optionalFiles(dir, SEASON_GAME_FILES);
            case SEASON -> List.of();
        };
        List<Path> teamFiles = switch (ratings) {
            case GAMES -> optionalFiles(dir, PRETOURNEY_FILES);
            case TEAMS -> files(dir, PRETOURNEY_FILES);
            case SEASON -> files(dir, TEAM_FILES);
        };
        List<Path> gameFiles = files(dir, GAME_FILES);
        Map<String, TeamSeason> teams = new HashMap<>();
        for (Path file : teamFiles) {
            try {
                for (TeamSeason team : TorvikCsv.read(Files.readString(file))) {
                    teams.put(team.season() + "/" + team.teamId(), team);
                }
            } catch (TeamDataException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        // A game listed in two files (say a file of all seasons and one of a single season) is one game.
        Map<List<Integer>, Row> rows = new LinkedHashMap<>();
        for (Path file : gameFiles) {
            gameRows(file, seasons).forEach(row -> rows.putIfAbsent(row.game(), row));
        }
        List<Matchup> games = new ArrayList<>();
        for (Row row : rows.values()) {
            // With the games, team files are optional (for log5 only); a team missing from them has no log5.
            TeamSeason winner = teamFiles.isEmpty() ? null : team(teams, row, row.winner());
            TeamSeason loser = teamFiles.isEmpty() ? null : team(teams, row, row.loser());
            boolean winnerIsA = row.winner() < row.loser();
            TeamSeason a = winnerIsA ? winner : loser;
            TeamSeason b = winnerIsA ? loser : winner;
            int winningMargin = row.winnerScore() - row.loserScore();
            BacktestScore.Outcome outcome = new BacktestScore.Outcome(winnerIsA,
                    winnerIsA ? winningMargin : -winningMargin, row.winnerScore() + row.loserScore(),
                    row.overtimes() > 0);
            Double log5 = a == null || b == null || a.barthag() == null || b.barthag() == null ? null
                    : BacktestScore.log5(a.barthag(), b.barthag());
            games.add(new Matchup(row.season(), row.dayNum(), Math.min(row.winner(), row.loser()),
                    Math.max(row.winner(), row.loser()), outcome, log5));
        }
        if (games.isEmpty()) {
            throw new IllegalArgumentException("no tournament games " + (seasons == null ? "" : "of seasons "
                    + seasonsText(seasons) + " ") + "in " + dir.resolve(GAME_FILES));
        }
        games.sort(Comparator.comparingInt(Matchup::season).thenComparingInt(Matchup::dayNum));
        return new BacktestData(teamFiles, seasonGameFiles, List.copyOf(games));
    }

    /** The seasons these games are from. */
    Set<Integer> seasons() {
        Set<Integer> seasons = new TreeSet<>();
        games.forEach(game -> seasons.add(game.season()));
        return seasons;
    }

    /**
     * Parses a selection of seasons: one ({@code 2015}), a range ({@code 2013-2019}), or a comma-separated list of
     * either ({@code 2013,2015-2017}).
     */
    static Set<Integer> parseSeasons(String text) {
        Set<Integer> seasons = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("--seasons: not a season or a range of seasons: " + part);
            }
            int from = season(range[0]);
            int to = range.length == 2 ? season(range[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException("--seasons: a range must go forward, was " + part);
            }
            for (int season = from; season <= to; season++) {
                seasons.add(season);
            }
        }
        return seasons;
    }

    /** Seasons as a reader writes them: {@code 2013-2019}, {@code 2013, 2015-2016}. */
    static String seasonsText(Set<Integer> seasons) {
        List<String> parts = new ArrayList<>();
        Integer first = null;
        Integer last = null;
        for (int season : new TreeSet<>(seasons)) {
            if (last != null && season == last + 1) {
                last = season;
                continue;
            }
            if (first != null) {
                parts.add(first.equals(last) ? first.toString() : first + "-" + last);
            }
            first = season;
            last = season;
        }
        if (first != null) {
            parts.add(first.equals(last) ? first.toString() : first + "-" + last);
        }
        return String.join(", ", parts);
    }

    private static int season(String text) {
        try {
            int season = Integer.parseInt(text.trim());
            if (season >= 1900 && season <= 2200) {
                return season;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--seasons: not a season: " + text.trim());
    }

    /** The files of {@code dir} that match {@code glob}, by name; none is an error naming what is missing. */
    static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> files = optionalFiles(dir, glob);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + glob + " in " + dir);
        }
        return files;
    }

    /** The files of {@code dir} that match {@code glob}, by name; perhaps none. */
    static List<Path> optionalFiles(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static TeamSeason team(Map<String, TeamSeason> teams, Row row, int teamId) {
        TeamSeason team = teams.get(row.season() + "/" + teamId);
        if (team == null) {
            throw new IllegalArgumentException("season " + row.season() + ": team " + teamId + " plays in "
                    + row.file() + " line " + row.line() + " but is not in the team data (" + TEAM_FILES + ")");
        }
        return team;
    }

    /** One line of a games file. */
    private record Row(int season, int dayNum, int winner, int winnerScore, int loser, int loserScore, int overtimes,
                       String file, int line) {

        /** What makes two lines (of two files) the same game. */
        List<Integer> game() {
            return List.of(season, dayNum, winner, winnerScore, loser, loserScore, overtimes);
        }
    }

    private static List<Row> gameRows(Path file, Set<Integer> seasons) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines;
        try (Stream<String> stream = Files.readString(file).lines()) {
            lines = stream.toList();
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + ": no header line");
        }
        List<String> header = cells(lines.get(0).replace("\uFEFF", ""));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).toUpperCase(Locale.ROOT), i);
        }
        for (String column : GAME_COLUMNS) {
            if (!columns.containsKey(column.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + ": line 1, " + column + ": missing column");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(i));
            int[] values = new int[GAME_COLUMNS.size()];
            for (int c = 0; c < values.length; c++) {
                String column = GAME_COLUMNS.get(c);
                int index = columns.get(column.toUpperCase(Locale.ROOT));
                String value = index < cells.size() ? cells.get(index) : "";
                try {
                    values[c] = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": line " + (i + 1) + ", " + column + ": "
                            + (value.isEmpty() ? "missing value" : "not a whole number: " + value));
                }
            }
            if (seasons == null || seasons.contains(values[0])) {
                rows.add(new Row(values[0], values[1], values[2], values[3], values[4], values[5], values[6], name,
                        i + 1));
            }
        }
        return rows;
    }

    /** The fields of one line: the games files hold numbers and letters only, so commas always separate. */
    private static List<String> cells(String line) {
        return Stream.of(line.split(",", -1)).map(String::trim).toList();
    }
}
