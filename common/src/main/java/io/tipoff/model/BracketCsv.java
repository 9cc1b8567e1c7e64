package io.tipoff.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads brackets in the CSV format of Kaggle's March Machine Learning Mania: {@code tourney_seeds} (Season, Seed,
 * TeamID) and {@code tourney_slots} (Season, Slot, StrongSeed, WeakSeed). Columns are found by their header (any case,
 * any order, other columns ignored), and the games played ({@code tourney_games}); a file may hold many seasons.
 * Every row is read and checked, whatever its season;
 * whether the rows of a season form a bracket is {@link Bracket}'s to say.
 */
public final class BracketCsv {

    private BracketCsv() {
    }

    /** A seeded team: {@code seed} as W01 or W16a, {@code line} its line in the file (1 is the header). */
    public record SeedRow(int line, int season, String seed, int teamId) {
    }

    /** A game of the bracket; {@code line} its line in the file (1 is the header). */
    public record SlotRow(int line, int season, String slot, String strongSeed, String weakSeed) {

        public Bracket.Slot toSlot() {
            return new Bracket.Slot(slot, strongSeed, weakSeed);
        }
    }

    /** @throws TeamDataException naming the line and column of the first bad value */
    public static List<SeedRow> seeds(String text) {
        List<SeedRow> rows = new ArrayList<>();
        read(text, List.of("Season", "Seed", "TeamID"), (line, cells) -> rows.add(new SeedRow(line,
                season(cells), cells.label("Seed"), (int) cells.wholeNumber("TeamID", 1, 1e9))));
        return rows;
    }

    /** @throws TeamDataException naming the line and column of the first bad value */
    public static List<SlotRow> slots(String text) {
        List<SlotRow> rows = new ArrayList<>();
        read(text, List.of("Season", "Slot", "StrongSeed", "WeakSeed"), (line, cells) -> rows.add(new SlotRow(line,
                season(cells), cells.label("Slot"), cells.label("StrongSeed"), cells.label("WeakSeed"))));
        return rows;
    }

    /** A played tournament game; {@code line} its line in the file (1 is the header). */
    public record GameRow(int line, BracketResults.Game game) {
    }

    /**
     * Kaggle's tournament results ({@code tourney_games}, MNCAATourneyCompactResults): Season, DayNum, WTeamID,
     * WScore, LTeamID, LScore and, if there, NumOT (WLoc and other columns are ignored).
     *
     * @throws TeamDataException naming the line and column of the first bad value
     */
    public static List<GameRow> games(String text) {
        List<GameRow> rows = new ArrayList<>();
        read(text, List.of("Season", "DayNum", "WTeamID", "WScore", "LTeamID", "LScore"), (line, cells) -> {
            int winner = (int) cells.wholeNumber("WTeamID", 1, 1e9);
            int loser = (int) cells.wholeNumber("LTeamID", 1, 1e9);
            if (winner == loser) {
                throw new TeamDataException(line, "LTeamID", "is the winner too");
            }
            int winnerPoints = (int) cells.wholeNumber("WScore", 0, GameState.MAX_POINTS);
            int loserPoints = (int) cells.wholeNumber("LScore", 0, GameState.MAX_POINTS);
            if (loserPoints >= winnerPoints) {
                throw new TeamDataException(line, "LScore", "must be less than WScore (" + winnerPoints + "), was "
                        + loserPoints);
            }
            int overtimes = cells.has("NumOT") ? (int) cells.wholeNumber("NumOT", 0, GameState.MAX_PERIOD - 2) : 0;
            rows.add(new GameRow(line, new BracketResults.Game(season(cells), (int) cells.wholeNumber("DayNum", 0,
                    MAX_DAY), winner, winnerPoints, loser, loserPoints, overtimes)));
        });
        return rows;
    }

    /** The last day number of a season in Kaggle's data (the title game is day 154). */
    static final int MAX_DAY = 200;

    interface RowReader {
        void read(int line, Cells cells);
    }

    static void read(String text, List<String> required, RowReader reader) {
        List<List<String>> records = TorvikCsv.parse(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new TeamDataException(1, "header", "no header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toUpperCase(Locale.ROOT), i);
        }
        for (String column : required) {
            if (!columns.containsKey(column.toUpperCase(Locale.ROOT))) {
                throw new TeamDataException(1, column, "missing column");
            }
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            reader.read(r + 1, new Cells(r + 1, fields, columns));
        }
    }

    private static int season(Cells cells) {
        return (int) cells.wholeNumber("Season", 1900, 2200);
    }

    /** The cells of one line, read by column name (as the header spells it, found in any case). */
    record Cells(int line, List<String> fields, Map<String, Integer> columns) {

        boolean has(String column) {
            return columns.containsKey(column.toUpperCase(Locale.ROOT));
        }

        /** A cell as text: a label's rules (as a seed or slot in a JSON bracket), whatever the column. */
        String text(String column) {
            int i = columns.get(column.toUpperCase(Locale.ROOT));
            String value = i < fields.size() ? fields.get(i).trim() : "";
            Text.problem(value, Text.MAX_LABEL).ifPresent(problem -> {
                throw new TeamDataException(line, column, problem);
            });
            return value;
        }

        String label(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw new TeamDataException(line, column, "missing value");
            }
            return value;
        }

        long wholeNumber(String column, double min, double max) {
            String value = label(column);
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TeamDataException(line, column, "not a whole number: " + Text.excerpt(value));
            }
            if (number < min || number > max) {
                throw new TeamDataException(line, column, "must be between " + (long) min + " and " + (long) max
                        + ", was " + value);
            }
            return number;
        }
    }
}
