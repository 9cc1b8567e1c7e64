package io.tipoff.api.bracket;

import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketCsv;
import io.tipoff.model.BracketCsv.SeedRow;
import io.tipoff.model.BracketCsv.SlotRow;
import io.tipoff.model.BracketException;
import io.tipoff.model.TeamDataException;
import io.tipoff.model.TeamProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a season's bracket from Kaggle's seeds and slots files. Both files are read whole first; then, in one
 * transaction, every seed is matched to an imported team of the season, the bracket is checked to be one
 * single-elimination tree, and the season's seeds and slots are replaced. Anything wrong stops the import with the
 * line (or slot) at fault and nothing changes.
 */
@Service
class BracketImport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    BracketImport(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** The files may hold other seasons too: only the rows of {@code season} are kept. */
    ImportedBracket importCsv(int season, String seedsCsv, String slotsCsv) {
        List<SeedRow> seeds = rowsOf(season, "seeds", () -> BracketCsv.seeds(seedsCsv), SeedRow::season);
        List<SlotRow> slots = rowsOf(season, "slots", () -> BracketCsv.slots(slotsCsv), SlotRow::season);
        if (seeds.size() > Bracket.MAX_TEAMS) {
            // The cap of a bracket given as JSON, before any team is looked up.
            throw new InvalidFieldException("seeds", "holds " + seeds.size() + " teams of season " + season
                    + "; a bracket has at most " + Bracket.MAX_TEAMS);
        }
        Map<String, SeedRow> seedRows = unique(seeds, slots);
        Map<String, SlotRow> slotRows = new HashMap<>();
        slots.forEach(row -> slotRows.put(row.slot(), row));
        return transaction.execute(status -> {
            // A team import that runs meanwhile could drop a team just matched; it waits until this one is stored.
            jdbc.execute("lock table team_seasons in share mode");
            // Two imports of the same season take turns rather than collide on the primary key.
            jdbc.execute("lock table bracket_seeds, bracket_slots in exclusive mode");
            Map<String, TeamProfile> teams = teams(season);
            if (teams.isEmpty()) {
                throw new InvalidFieldException("season", season + " has no imported teams: import the season's "
                        + "teams first (POST /api/v1/teams/import)");
            }
            List<Bracket.Seeded> seeded = new ArrayList<>();
            for (SeedRow row : seeds) {
                TeamProfile team = teams.get(Integer.toString(row.teamId()));
                if (team == null) {
                    throw new BracketDataException("seeds", row.line(), "TeamID", null,
                            "names no team of season " + season);
                }
                seeded.add(new Bracket.Seeded(row.seed(), team));
            }
            try {
                new Bracket(seeded, slots.stream().map(SlotRow::toSlot).toList());
            } catch (BracketException e) {
                throw locate(e, seedRows, slotRows);
            }
            replace(season, seeds, slots);
            return new ImportedBracket(season, seeds.size(), slots.size());
        });
    }

    private static <T> List<T> rowsOf(int season, String part, Supplier<List<T>> reader,
                                      ToIntFunction<T> seasonOf) {
        List<T> rows;
        try {
            rows = reader.get();
        } catch (TeamDataException e) {
            throw new BracketDataException(part, e.line(), e.field(), null, e.reason());
        }
        List<T> ofSeason = rows.stream().filter(row -> seasonOf.applyAsInt(row) == season).toList();
        if (ofSeason.isEmpty()) {
            throw new InvalidFieldException(part, "has no rows of season " + season);
        }
        return ofSeason;
    }

    /** The seeds by name, after checking that no seed, team or slot is listed twice (which the lines tell best). */
    private static Map<String, SeedRow> unique(List<SeedRow> seeds, List<SlotRow> slots) {
        Map<String, SeedRow> bySeed = new LinkedHashMap<>();
        Map<Integer, SeedRow> byTeam = new HashMap<>();
        for (SeedRow row : seeds) {
            SeedRow before = bySeed.putIfAbsent(row.seed(), row);
            if (before != null) {
                throw new BracketDataException("seeds", row.line(), "Seed", null,
                        row.seed() + " is given twice (also line " + before.line() + ")");
            }
            before = byTeam.putIfAbsent(row.teamId(), row);
            if (before != null) {
                throw new BracketDataException("seeds", row.line(), "TeamID", null, "team " + row.teamId()
                        + " is seeded twice (also " + before.seed() + ", line " + before.line() + ")");
            }
        }
        Map<String, SlotRow> bySlot = new HashMap<>();
        for (SlotRow row : slots) {
            SlotRow before = bySlot.putIfAbsent(row.slot(), row);
            if (before != null) {
                throw new BracketDataException("slots", row.line(), "Slot", row.slot(),
                        "slot named twice (also line " + before.line() + ")");
            }
        }
        return bySeed;
    }

    /** The bracket's fault at the line of the slot (or seed) it names. */
    private static RuntimeException locate(BracketException e, Map<String, SeedRow> seeds,
                                           Map<String, SlotRow> slots) {
        SlotRow slot = slots.get(e.where());
        if (slot != null) {
            return new BracketDataException("slots", slot.line(), "Slot", slot.slot(), e.reason());
        }
        SeedRow seed = seeds.get(e.where());
        if (seed != null) {
            return new BracketDataException("seeds", seed.line(), "Seed", null, seed.seed() + " " + e.reason());
        }
        return new InvalidFieldException(e.where().equals("teams") ? "seeds" : "slots", e.reason());
    }

    /** The season's teams by {@code TeamSeason.key()}, with their profiles. */
    private Map<String, TeamProfile> teams(int season) {
        Map<String, TeamProfile> teams = new HashMap<>();
        jdbc.query("select team_key, profile from team_seasons where season = ?", rs -> {
            teams.put(rs.getString("team_key"), json.readValue(rs.getString("profile"), TeamProfile.class));
        }, season);
        return teams;
    }

    private void replace(int season, List<SeedRow> seeds, List<SlotRow> slots) {
        jdbc.update("delete from bracket_seeds where season = ?", season);
        jdbc.update("delete from bracket_slots where season = ?", season);
        jdbc.batchUpdate("insert into bracket_seeds (season, seed, team_key) values (?, ?, ?)",
                seeds.stream().map(row -> new Object[] {season, row.seed(), Integer.toString(row.teamId())}).toList());
        jdbc.batchUpdate("insert into bracket_slots (season, slot, strong_seed, weak_seed) values (?, ?, ?, ?)",
                slots.stream().map(row -> new Object[] {season, row.slot(), row.strongSeed(), row.weakSeed()})
                        .toList());
    }
}
