package io.tipoff.ratings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a season's games in the layout of Kaggle's {@code MRegularSeasonDetailedResults.csv}: Season, DayNum, WTeamID,
 * WScore, LTeamID, LScore, WLoc, NumOT, then for the winner (W…) and the loser (L…) FGM, FGA, FGM3, FGA3, FTM, FTA,
 * OR, DR, Ast, TO, Stl, Blk, PF. Other columns (Kaggle's files have none, the shared data a Date) are ignored; column
 * names are matched ignoring case.
 *
 * <p>Every row is checked, and the first bad value is reported with its line and column: a count that is negative or
 * not a whole number, more made than attempted, a team playing itself, a winner without more points than the loser,
 * the same game twice, and a score that disagrees with its box score. The last allows {@link #BOX_SCORE_SLACK} points:
 * the source box scores of a handful of real games a season miss a basket or a free throw, and a game is worth more
 * to a rating than its one missing field goal.
 */
public final class SeasonGamesCsv {

    /** Points a score may differ from 2·FGM + FGM3 + FTM: one basket lost from the source's box score. */
    public static final int BOX_SCORE_SLACK = 3;
    /** Kaggle's day numbers run to about 154 (the final); a larger one is a typo. */
    public static final int MAX_DAY = 200;

    private static final List<String> BOX = List.of("FGM", "FGA", "FGM3", "FGA3", "FTM", "FTA", "OR", "DR", "Ast",
            "TO", "Stl", "Blk", "PF");
    private static final List<String> GAME = List.of("Season", "DayNum", "WTeamID", "WScore", "LTeamID", "LScore",
            "WLoc", "NumOT");

    private SeasonGamesCsv() {
    }

    /** Every game of the text, in file order; throws {@link GameDataException} at the first bad value. */
    public static List<SeasonGame> read(String csv) {
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new GameDataException(1, "header", "missing");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells(lines.get(0));
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).toUpperCase(Locale.ROOT), i);
        }
        List<String> required = new ArrayList<>(GAME);
        BOX.forEach(stat -> required.add("W" + stat));
        BOX.forEach(stat -> required.add("L" + stat));
        for (String column : required) {
            if (!columns.containsKey(column.toUpperCase(Locale.ROOT))) {
                throw new GameDataException(1, column, "missing column");
            }
        }
        List<SeasonGame> games = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Row row = new Row(i + 1, cells(lines.get(i)), columns);
            SeasonGame game = row.game();
            Integer earlier = seen.putIfAbsent(game.key(), row.line);
            if (earlier != null) {
                throw new GameDataException(row.line, "DayNum", "the same game (day and teams) as line " + earlier);
            }
            games.add(game);
        }
        return games;
    }

    /** The fields of one line: the files hold numbers, letters and dates only, so commas always separate. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** One line being read: looks values up by column name and reports where they are wrong. */
    private record Row(int line, List<String> cells, Map<String, Integer> columns) {

        SeasonGame game() {
            int season = number("Season", 1900, 2200);
            int day = number("DayNum", 0, MAX_DAY);
            String location = text("WLoc").toUpperCase(Locale.ROOT);
            if (!location.equals("H") && !location.equals("A") && !location.equals("N")) {
                throw new GameDataException(line, "WLoc", "must be H, A or N, was " + location);
            }
            int overtimes = number("NumOT", 0, 20);
            int winnerScore = number("WScore", 0, 500);
            if (number("LScore", 0, 500) >= winnerScore) {
                throw new GameDataException(line, "LScore", "must be below WScore (" + winnerScore + ")");
            }
            TeamBox winner = box("W");
            TeamBox loser = box("L");
            if (winner.teamId() == loser.teamId()) {
                throw new GameDataException(line, "LTeamID", "is WTeamID too: a team cannot play itself");
            }
            return new SeasonGame(season, day, winner, loser, location.charAt(0), overtimes);
        }

        private TeamBox box(String side) {
            int teamId = number(side + "TeamID", 1, Integer.MAX_VALUE);
            int points = number(side + "Score", 0, 500);
            int[] stats = new int[BOX.size()];
            for (int i = 0; i < stats.length; i++) {
                stats[i] = number(side + BOX.get(i), 0, 500);
            }
            made(side, "FGM", stats[0], "FGA", stats[1]);
            made(side, "FGM3", stats[2], "FGA3", stats[3]);
            made(side, "FTM", stats[4], "FTA", stats[5]);
            made(side, "FGM3", stats[2], "FGM", stats[0]);
            made(side, "FGA3", stats[3], "FGA", stats[1]);
            TeamBox box = new TeamBox(teamId, points, stats[0], stats[1], stats[2], stats[3], stats[4], stats[5],
                    stats[6], stats[7], stats[8], stats[9], stats[10], stats[11], stats[12]);
            if (Math.abs(box.boxScorePoints() - points) > BOX_SCORE_SLACK) {
                throw new GameDataException(line, side + "Score", "disagrees with the box score: " + points
                        + " against 2·FGM + FGM3 + FTM = " + box.boxScorePoints());
            }
            if (box.possessions() <= 0) {
                throw new GameDataException(line, side + "FGA", "a team with no possessions did not play");
            }
            return box;
        }

        private void made(String side, String part, int partValue, String whole, int wholeValue) {
            if (partValue > wholeValue) {
                throw new GameDataException(line, side + part, "is more than " + side + whole + " (" + partValue
                        + " > " + wholeValue + ")");
            }
        }

        private String text(String column) {
            int index = columns.get(column.toUpperCase(Locale.ROOT));
            return index < cells.size() ? cells.get(index) : "";
        }

        private int number(String column, int min, int max) {
            String value = text(column);
            if (value.isEmpty()) {
                throw new GameDataException(line, column, "missing value");
            }
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new GameDataException(line, column, "not a whole number: " + value);
            }
            if (number < min) {
                throw new GameDataException(line, column, min == 0 ? "must not be negative, was " + number
                        : "must be at least " + min + ", was " + number);
            }
            if (number > max) {
                throw new GameDataException(line, column, "must be at most " + max + ", was " + number);
            }
            return number;
        }
    }
}
