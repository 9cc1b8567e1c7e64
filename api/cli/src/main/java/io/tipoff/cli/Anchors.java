package io.tipoff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Other people's forecasts of the same tournaments, read from a directory in the format of the shared anchors
 * ({@code ../shared/data/anchors/}, see its README): the betting market's closing moneylines of each game
 * ({@code market_lines_*.csv}, the winner's no-vig chance {@code p_w_ml_novig}), and the pre-tournament round
 * probabilities of FiveThirtyEight ({@code fivethirtyeight_*.csv}) and KenPom ({@code kenpom_men_*.csv}).
 *
 * @param market         the winner's chance by (season, day, winner id, loser id)
 * @param fiveThirtyEight per season and team id, the chance to win each game from the round of 64 on (R32 … CHAMP)
 * @param kenPom          the same from KenPom
 */
record Anchors(Map<List<Integer>, Double> market, Map<Integer, Map<Integer, Map<String, Double>>> fiveThirtyEight,
               Map<Integer, Map<Integer, Map<String, Double>>> kenPom) {

    /** The rounds a team reaches by winning a game, from its round-of-64 game to the final. */
    static final List<String> ROUNDS = List.of("R32", "S16", "E8", "F4", "NCG", "CHAMP");

    static Anchors read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--anchors: " + dir + " is not a directory");
        }
        Map<List<Integer>, Double> market = new HashMap<>();
        for (Path file : BacktestData.optionalFiles(dir, "market_lines_*.csv")) {
            for (Map<String, String> row : rows(file)) {
                market.put(List.of(integer(file, row, "season"), integer(file, row, "daynum"),
                        integer(file, row, "wteam_id"), integer(file, row, "lteam_id")),
                        number(file, row, "p_w_ml_novig"));
            }
        }
        // FiveThirtyEight's rdK_win is the chance to reach round K+1: rd2_win the round of 32 … rd7_win the title.
        Map<Integer, Map<Integer, Map<String, Double>>> fiveThirtyEight = rounds(dir, "fivethirtyeight_*.csv",
                "kaggle_team_id", List.of("rd2_win", "rd3_win", "rd4_win", "rd5_win", "rd6_win", "rd7_win"));
        Map<Integer, Map<Integer, Map<String, Double>>> kenPom = rounds(dir, "kenpom_men_*.csv", "kaggle_team_id",
                List.of("p_win_r64", "p_win_r32", "p_win_s16", "p_win_e8", "p_win_f4", "p_champion"));
        if (market.isEmpty() && fiveThirtyEight.isEmpty() && kenPom.isEmpty()) {
            throw new IllegalArgumentException("--anchors: no market_lines_*.csv, fivethirtyeight_*.csv or "
                    + "kenpom_men_*.csv in " + dir);
        }
        return new Anchors(market, fiveThirtyEight, kenPom);
    }

    /** The market's chance that team A of a game wins, or null when the game has no line. */
    Double market(BacktestData.Matchup game) {
        boolean aWon = game.outcome().teamAWon();
        Double winner = market.get(List.of(game.season(), game.dayNum(), aWon ? game.teamA() : game.teamB(),
                aWon ? game.teamB() : game.teamA()));
        return winner == null ? null : aWon ? winner : 1 - winner;
    }

    private static Map<Integer, Map<Integer, Map<String, Double>>> rounds(Path dir, String glob, String idColumn,
                                                                       List<String> columns) throws IOException {
        Map<Integer, Map<Integer, Map<String, Double>>> seasons = new TreeMap<>();
        for (Path file : BacktestData.optionalFiles(dir, glob)) {
            for (Map<String, String> row : rows(file)) {
                if (row.getOrDefault(idColumn, "").contains("|")) {
                    // A First Four pair listed as one entry (1125|1396): its chances are of whichever wins, so they
                    // are no one team's; the pair's team-rounds are left out of the comparison.
                    continue;
                }
                Map<String, Double> rounds = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    rounds.put(ROUNDS.get(i), number(file, row, columns.get(i)));
                }
                seasons.computeIfAbsent(integer(file, row, "season"), s -> new HashMap<>())
                        .put(integer(file, row, idColumn), rounds);
            }
        }
        return seasons;
    }

    /** The rows of a plain CSV file (no quoted fields) as column → value, columns in lower case. */
    private static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + ": no header line");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i].strip().toLowerCase(Locale.ROOT), i < cells.length ? cells[i].strip() : "");
            }
            return row;
        }).toList();
    }

    private static int integer(Path file, Map<String, String> row, String column) {
        return (int) number(file, row, column);
    }

    private static double number(Path file, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException(file.getFileName() + ": no column " + column);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + column + " is not a number: " + value);
        }
    }
}
