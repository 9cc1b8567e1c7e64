package io.tipoff.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads team seasons from CSV in the format of Bart Torvik's season statistics (as in
 * {@code torvik_teams_2013_2019.csv}): columns are found by their header, percentages are 0–100.
 *
 * <p>How a row becomes a {@link TeamProfile}:
 * <ul>
 * <li>2P_O, 3P_O, TOR, ORB, FTR (and their _D / DRB / TORD / FTRD counterparts for what the defense allows) divided by
 * 100; ADJ_T is the tempo; ADJOE and ADJDE, when present, the adjusted efficiencies.
 * <li>The share of field-goal attempts that are threes is not given; it follows from EFG = 2P% + s (1.5 × 3P% − 2P%).
 * Rounded to 0.1 points, that equation is unreliable when 1.5 × 3P% is close to 2P%, so the raw estimate is shrunk
 * towards the season's mean share with weight d² / (d² + 1), d = 1.5 × 3P% − 2P% in percentage points.
 * <li>Free-throw % is not in Torvik's data: a FT% column is used when present, else the D-I average.
 * </ul>
 * Without a TeamID column teams are keyed by name; either way a name (ignoring case) is one team per season. Any bad
 * value stops the whole import with its line and column.
 */
public final class TorvikCsv {

    private static final List<String> RATE_COLUMNS = List.of("EFG_O", "EFG_D", "TOR", "TORD", "ORB", "DRB", "FTR",
            "FTRD", "2P_O", "2P_D", "3P_O", "3P_D");

    private TorvikCsv() {
    }

    /** One row's numbers, before the three-point shares are settled across the season. */
    private record Row(int line, int season, Integer teamId, String name, String conference, Map<String, Double> rates,
                       double tempo, Double adjOffense, Double adjDefense, Double barthag, String postseason,
                       Integer seed, double freeThrowPct) {
    }

    public static List<TeamSeason> read(String text) {
        List<List<String>> records = parse(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new TeamDataException(1, "header", "no header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toUpperCase(Locale.ROOT), i);
        }
        String nameColumn = columns.containsKey("TEAMNAME") ? "TEAMNAME" : "TEAM";
        for (String required : concat(List.of("SEASON", nameColumn, "ADJ_T"), RATE_COLUMNS)) {
            if (!columns.containsKey(required)) {
                throw new TeamDataException(1, display(required), "missing column");
            }
        }
        if (columns.containsKey("ADJOE") != columns.containsKey("ADJDE")) {
            throw new TeamDataException(1, columns.containsKey("ADJOE") ? "ADJDE" : "ADJOE",
                    "missing column (ADJOE and ADJDE go together)");
        }

        List<Row> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            Row row = row(r + 1, fields, columns, nameColumn);
            String key = row.season() + "/" + (row.teamId() != null ? row.teamId() : row.name());
            if (!keys.add(key)) {
                throw new TeamDataException(row.line(), row.teamId() != null ? "TeamID" : display(nameColumn),
                        "the same team twice in season " + row.season());
            }
            // A team may be looked up by name (any case), so a name must find one team of its season.
            if (!names.add(row.season() + "/" + row.name().toLowerCase(Locale.ROOT))) {
                throw new TeamDataException(row.line(), display(nameColumn),
                        "two teams named " + row.name() + " in season " + row.season());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new TeamDataException(2, "rows", "no team rows");
        }
        Map<Integer, double[]> meanShares = meanThreePointShares(rows);
        List<TeamSeason> seasons = new ArrayList<>(rows.size());
        for (Row row : rows) {
            double[] mean = meanShares.get(row.season());
            seasons.add(teamSeason(row, threePointShare(row, "O", mean[0]), threePointShare(row, "D", mean[1])));
        }
        return seasons;
    }

    private static Row row(int line, List<String> fields, Map<String, Integer> columns, String nameColumn) {
        Cells cells = new Cells(line, fields, columns);
        int season = (int) cells.number("SEASON", 1900, 2200, true);
        Integer teamId = columns.containsKey("TEAMID") ? (Integer) (int) cells.number("TEAMID", 1, 1e9, true) : null;
        String name = cells.text(nameColumn);
        if (name == null) {
            throw new TeamDataException(line, display(nameColumn), "missing team name");
        }
        Map<String, Double> rates = new HashMap<>();
        for (String column : RATE_COLUMNS) {
            rates.put(column, cells.number(column, 0, 100, false));
        }
        // The pre-tournament file gives the three-point share of attempts itself (3PR_O, 3PR_D): no need to derive it.
        for (String column : List.of("3PR_O", "3PR_D")) {
            if (columns.containsKey(column)) {
                rates.put(column, cells.number(column, 0, 100, false));
            }
        }
        double tempo = cells.number("ADJ_T", 1, TeamProfile.MAX_TEMPO, false);
        boolean adjusted = columns.containsKey("ADJOE");
        Double adjOffense = adjusted ? cells.number("ADJOE", 1, TeamProfile.MAX_EFFICIENCY, false) : null;
        Double adjDefense = adjusted ? cells.number("ADJDE", 1, TeamProfile.MAX_EFFICIENCY, false) : null;
        Double barthag = columns.containsKey("BARTHAG") ? cells.optionalNumber("BARTHAG", 0, 1) : null;
        Double seed = columns.containsKey("SEED") ? cells.optionalNumber("SEED", 1, 16) : null;
        String freeThrowColumn = columns.containsKey("FT_O") ? "FT_O" : columns.containsKey("FT%") ? "FT%" : null;
        double freeThrowPct = freeThrowColumn == null ? LeagueAverages.DIVISION_I_FREE_THROW_PCT
                : cells.number(freeThrowColumn, 0, 100, false) / 100;
        return new Row(line, season, teamId, name, columns.containsKey("CONF") ? cells.text("CONF") : null, rates,
                tempo, adjOffense, adjDefense, barthag, columns.containsKey("POSTSEASON") ? cells.text("POSTSEASON")
                : null, seed == null ? null : seed.intValue(), freeThrowPct);
    }

    private static TeamSeason teamSeason(Row row, double offenseShare, double defenseShare) {
        Map<String, Double> p = row.rates();
        OffenseProfile offense = new OffenseProfile(p.get("2P_O") / 100, p.get("3P_O") / 100, offenseShare,
                p.get("TOR") / 100, p.get("ORB") / 100, p.get("FTR") / 100, row.freeThrowPct());
        DefenseProfile defense = new DefenseProfile(p.get("2P_D") / 100, p.get("3P_D") / 100, defenseShare,
                p.get("TORD") / 100, p.get("DRB") / 100, p.get("FTRD") / 100);
        TeamProfile profile = new TeamProfile(row.name(), row.tempo(), offense, defense, row.adjOffense(),
                row.adjDefense());
        return new TeamSeason(row.season(), row.teamId(), row.conference(), profile, row.barthag(), row.postseason(),
                row.seed());
    }

    /** Per season, the mean three-point share of offenses and of defenses, from rows where it is well determined. */
    private static Map<Integer, double[]> meanThreePointShares(List<Row> rows) {
        Map<Integer, double[]> sums = new HashMap<>();
        for (Row row : rows) {
            double[] s = sums.computeIfAbsent(row.season(), k -> new double[4]);
            for (int side = 0; side < 2; side++) {
                String suffix = side == 0 ? "O" : "D";
                double spread = spread(row, suffix);
                if (Math.abs(spread) >= 1) {
                    s[side] += clamp((row.rates().get("EFG_" + suffix) - row.rates().get("2P_" + suffix)) / spread);
                    s[side + 2]++;
                }
            }
        }
        Map<Integer, double[]> means = new HashMap<>();
        sums.forEach((season, s) -> means.put(season, new double[] {
                s[2] > 0 ? s[0] / s[2] : LeagueAverages.DIVISION_I_2013_2019.threePointRate(),
                s[3] > 0 ? s[1] / s[3] : LeagueAverages.DIVISION_I_2013_2019.threePointRate()}));
        return means;
    }

    private static double threePointShare(Row row, String suffix, double seasonMean) {
        Double given = row.rates().get("3PR_" + suffix);
        if (given != null) {
            return given / 100;
        }
        double spread = spread(row, suffix);
        double weight = spread * spread / (spread * spread + 1);
        double raw = spread == 0 ? seasonMean
                : clamp((row.rates().get("EFG_" + suffix) - row.rates().get("2P_" + suffix)) / spread);
        return clamp(weight * raw + (1 - weight) * seasonMean);
    }

    /** 1.5 × 3P% − 2P%, in percentage points: how much a three is worth over a two, per attempt. */
    private static double spread(Row row, String suffix) {
        return 1.5 * row.rates().get("3P_" + suffix) - row.rates().get("2P_" + suffix);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }

    private static String display(String column) {
        return switch (column) {
            case "SEASON" -> "Season";
            case "TEAMNAME" -> "TeamName";
            case "TEAMID" -> "TeamID";
            default -> column;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The cells of one line, read by column name. */
    private record Cells(int line, List<String> fields, Map<String, Integer> columns) {

        /** A cell as text, null when empty or NA; free text is held to a name's rules, as in a JSON team. */
        String text(String column) {
            int i = columns.get(column);
            String value = i < fields.size() ? fields.get(i).trim() : "";
            Text.problem(value, Text.MAX_NAME).ifPresent(problem -> {
                throw new TeamDataException(line, display(column), problem);
            });
            return value.isEmpty() || value.equals("NA") || value.equals("N/A") ? null : value;
        }

        double number(String column, double min, double max, boolean whole) {
            String value = text(column);
            if (value == null) {
                throw new TeamDataException(line, display(column), "missing value");
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TeamDataException(line, display(column), "not a number: " + Text.excerpt(value));
            }
            if (!(number >= min && number <= max) || (whole && number != Math.rint(number))) {
                throw new TeamDataException(line, display(column), "must be " + (whole ? "a whole number " : "")
                        + "between " + format(min) + " and " + format(max) + ", was " + Text.excerpt(value));
            }
            return number;
        }

        Double optionalNumber(String column, double min, double max) {
            return text(column) == null ? null : number(column, min, max, false);
        }

        private static String format(double bound) {
            return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
        }
    }

    /** RFC 4180 fields: commas separate, double quotes enclose, "" inside quotes is a quote. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\uFEFF' || i > 0) {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
