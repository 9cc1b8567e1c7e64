package io.tipoff.api.pool;

import io.tipoff.api.bracket.BracketCatalog;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.model.PicksCsv;
import io.tipoff.model.TeamDataException;
import io.tipoff.pool.PoolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public's picks of each season's bracket: imported from ESPN's "Who Picked Whom" CSV, looked up by pool jobs.
 * An import matches every line to a seed of the season's imported bracket by its team id (a seed the line gives must
 * agree), and replaces the season's picks in one transaction; anything wrong stops it with the line and column at
 * fault and nothing changes.
 */
@Service
public class PublicPicks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BracketCatalog brackets;

    PublicPicks(JdbcTemplate jdbc, TransactionTemplate transaction, BracketCatalog brackets) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.brackets = brackets;
    }

    /** What an import stored: the season, the lines read and the seeds they gave picks to. */
    record Imported(int season, int entries, int seeds) {
    }

    /** A seed's picks as stored, with its team. */
    record SeedView(String seed, String teamKey, List<Double> shares) {
    }

    /** The file may hold other seasons too: only the lines of {@code season} are kept. */
    Imported importCsv(int season, String csv) {
        List<PicksCsv.Row> rows = PicksCsv.read(csv).stream().filter(row -> row.season() == season).toList();
        if (rows.isEmpty()) {
            throw new InvalidFieldException("season", "the file has no lines of season " + season);
        }
        return transaction.execute(status -> {
            // A bracket import meanwhile could move a seed just matched; it waits until these picks are stored.
            jdbc.execute("lock table bracket_seeds in share mode");
            jdbc.execute("lock table public_picks in exclusive mode");
            Map<String, String> seedOfTeam = new HashMap<>();
            brackets.seeds(season).forEach(s -> seedOfTeam.put(s.teamKey(), s.seed()));
            if (seedOfTeam.isEmpty()) {
                throw new InvalidFieldException("season", season + " has no imported bracket: import it first "
                        + "(POST /api/v1/seasons/" + season + "/bracket)");
            }
            Map<String, Integer> lineOfSeed = new HashMap<>();
            List<Object[]> inserts = new ArrayList<>();
            for (PicksCsv.Row row : rows) {
                for (int i = 0; i < row.teamIds().size(); i++) {
                    String key = Integer.toString(row.teamIds().get(i));
                    String seed = seedOfTeam.get(key);
                    if (seed == null) {
                        throw new TeamDataException(row.line(), "kaggle_team_id", "team " + key
                                + " is not in the bracket of season " + season);
                    }
                    if (!row.seeds().isEmpty() && !row.seeds().get(i).equals(seed)) {
                        throw new TeamDataException(row.line(), "kaggle_seed", "team " + key + " is seeded " + seed
                                + " in the bracket of season " + season + ", not " + row.seeds().get(i));
                    }
                    Integer before = lineOfSeed.putIfAbsent(seed, row.line());
                    if (before != null) {
                        throw new TeamDataException(row.line(), "kaggle_team_id", "team " + key
                                + " has picks twice (also line " + before + ")");
                    }
                    List<Object> values = new ArrayList<>(List.of(season, seed, key));
                    values.addAll(row.shares());
                    inserts.add(values.toArray());
                }
            }
            jdbc.update("delete from public_picks where season = ?", season);
            jdbc.batchUpdate("insert into public_picks (season, seed, team_key, r64, r32, s16, e8, f4, champion) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
            return new Imported(season, rows.size(), inserts.size());
        });
    }

    /** A season's picks, in seed order; empty when none were imported. */
    List<SeedView> picks(int season) {
        return jdbc.query("select seed, team_key, r64, r32, s16, e8, f4, champion from public_picks "
                + "where season = ? order by seed", (rs, n) -> new SeedView(rs.getString("seed"),
                rs.getString("team_key"), List.of(rs.getDouble("r64"), rs.getDouble("r32"), rs.getDouble("s16"),
                rs.getDouble("e8"), rs.getDouble("f4"), rs.getDouble("champion"))), season);
    }

    /**
     * The picks a pool job of the season stores, by seed, for the bracket's seeds now ({@code teamOfSeed}); null when
     * the season has none.
     *
     * @throws InvalidFieldException when a seed's picks are of another team than the bracket has now (the bracket was
     *                               imported again after the picks)
     */
    public List<PoolSpec.SeedPicks> forPool(int season, Map<String, String> teamOfSeed, String field) {
        List<SeedView> stored = picks(season);
        if (stored.isEmpty()) {
            return null;
        }
        List<PoolSpec.SeedPicks> picks = new ArrayList<>();
        for (SeedView view : stored) {
            if (!view.teamKey().equals(teamOfSeed.get(view.seed()))) {
                throw new InvalidFieldException(field, "the picks of season " + season + " give " + view.seed()
                        + " to team " + view.teamKey() + ", which the bracket no longer seeds there: import the picks "
                        + "again");
            }
            picks.add(new PoolSpec.SeedPicks(view.seed(), view.shares()));
        }
        return picks;
    }
}
