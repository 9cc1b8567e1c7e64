package io.tipoff.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the public's picks in the format of ESPN's "Who Picked Whom" as the shared anchors keep it
 * ({@code espn_whopickedwhom_men_YYYY.csv}): per team, its season, its Kaggle id ({@code kaggle_team_id}) and
 * optionally its seed ({@code kaggle_seed}), and the share of entries that picked it to win each round
 * ({@code pick_win_r64}, {@code pick_win_r32}, {@code pick_win_s16}, {@code pick_win_e8}, {@code pick_win_f4},
 * {@code pick_champion}: fractions 0–1). A First Four pair listed as one entry joins its ids (and seeds) with
 * {@code |}. Columns are found by their header in any case and order, as {@link BracketCsv} finds them.
 */
public final class PicksCsv {

    public static final List<String> SHARE_COLUMNS = List.of("pick_win_r64", "pick_win_r32", "pick_win_s16",
            "pick_win_e8", "pick_win_f4", "pick_champion");

    private PicksCsv() {
    }

    /**
     * One line: the team (or the First Four pair) and its shares, round of 64 first.
     *
     * @param seeds the seeds the line gives, or empty
     */
    public record Row(int line, int season, List<Integer> teamIds, List<String> seeds, List<Double> shares) {
    }

    /** @throws TeamDataException naming the line and column of the first bad value */
    public static List<Row> read(String text) {
        List<String> required = new ArrayList<>(List.of("season", "kaggle_team_id"));
        required.addAll(SHARE_COLUMNS);
        List<Row> rows = new ArrayList<>();
        BracketCsv.read(text, required, (line, cells) -> {
            int season = (int) cells.wholeNumber("season", 1900, 2200);
            List<Integer> ids = new ArrayList<>();
            for (String id : cells.label("kaggle_team_id").split("\\|", -1)) {
                ids.add((int) number(line, "kaggle_team_id", id.trim(), 1, 1e9, true));
            }
            List<String> seeds = new ArrayList<>();
            String seed = cells.has("kaggle_seed") ? cells.text("kaggle_seed") : "";
            if (!seed.isEmpty()) {
                for (String s : seed.split("\\|", -1)) {
                    seeds.add(s.trim());
                }
                if (seeds.size() != ids.size()) {
                    throw new TeamDataException(line, "kaggle_seed", "gives " + seeds.size() + " seeds for "
                            + ids.size() + " teams");
                }
            }
            List<Double> shares = new ArrayList<>();
            for (String column : SHARE_COLUMNS) {
                shares.add(number(line, column, cells.label(column), 0, 1, false));
            }
            rows.add(new Row(line, season, List.copyOf(ids), List.copyOf(seeds), List.copyOf(shares)));
        });
        return rows;
    }

    private static double number(int line, String column, String value, double min, double max, boolean whole) {
        double number;
        try {
            number = whole ? Long.parseLong(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new TeamDataException(line, column, (whole ? "not a whole number: " : "not a number: ")
                    + Text.excerpt(value));
        }
        if (!(number >= min && number <= max)) {
            throw new TeamDataException(line, column, "must be between " + (long) min + " and " + (long) max
                    + ", was " + value);
        }
        return number;
    }
}
