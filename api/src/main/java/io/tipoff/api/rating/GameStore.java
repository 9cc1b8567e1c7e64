package io.tipoff.api.rating;

import io.tipoff.ratings.SeasonGame;
import io.tipoff.ratings.TeamBox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The imported games of each season ({@code season_games}) and each season's version ({@code game_seasons}), which
 * moves whenever an import changes a game of the season.
 */
@Repository
class GameStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    GameStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Stores the games in one transaction: a game not stored yet is added, one stored with other figures is corrected,
     * one stored exactly so is left alone; a season whose games changed gets a new version.
     *
     * @return per season: the games in the file, and how many of them were added or corrected
     */
    GameImportSummary save(List<SeasonGame> games) {
        Map<Integer, List<SeasonGame>> seasons = games.stream()
                .collect(Collectors.groupingBy(SeasonGame::season, TreeMap::new, Collectors.toList()));
        List<GameImportSummary.Season> summary = new ArrayList<>();
        transaction.executeWithoutResult(status -> seasons.forEach((season, list) -> {
            int[] changed = jdbc.batchUpdate("""
                            insert into season_games (season, day, winner_id, loser_id, winner_location, overtimes,
                                                      winner_box, loser_box)
                            values (?, ?, ?, ?, ?, ?, cast(? as integer[]), cast(? as integer[]))
                            on conflict (season, day, winner_id, loser_id) do update
                            set winner_location = excluded.winner_location, overtimes = excluded.overtimes,
                                winner_box = excluded.winner_box, loser_box = excluded.loser_box
                            where (season_games.winner_location, season_games.overtimes, season_games.winner_box,
                                   season_games.loser_box)
                                  is distinct from (excluded.winner_location, excluded.overtimes, excluded.winner_box,
                                                    excluded.loser_box)""",
                    list.stream().map(game -> new Object[] {game.season(), game.day(), game.winner().teamId(),
                            game.loser().teamId(), String.valueOf(game.winnerLocation()), game.overtimes(),
                            box(game.winner()), box(game.loser())}).toList());
            int stored = 0;
            for (int count : changed) {
                stored += Math.max(count, 0);
            }
            if (stored > 0) {
                jdbc.update("""
                        insert into game_seasons (season, games, version)
                        values (?, (select count(*) from season_games where season = ?), 1)
                        on conflict (season) do update
                        set games = excluded.games, version = game_seasons.version + 1,
                            imported_at = clock_timestamp()""", season, season);
            }
            summary.add(new GameImportSummary.Season(season, list.size(), stored));
        }));
        return new GameImportSummary(games.size(), summary.stream().mapToInt(GameImportSummary.Season::stored).sum(),
                summary);
    }

    /** The season's version, empty when it has no games. */
    Optional<Long> version(int season) {
        return jdbc.query("select version from game_seasons where season = ?",
                (rs, n) -> rs.getLong("version"), season).stream().findFirst();
    }

    /** The season's games, by day. */
    List<SeasonGame> games(int season) {
        return jdbc.query("select * from season_games where season = ? order by day, winner_id, loser_id",
                this::game, season);
    }

    /** A box score as a PostgreSQL array literal, {@code {61,22,54,…}}. */
    private static String box(TeamBox box) {
        return Stream.of(box.points(), box.fieldGoalsMade(), box.fieldGoalsAttempted(), box.threesMade(),
                box.threesAttempted(), box.freeThrowsMade(), box.freeThrowsAttempted(), box.offensiveRebounds(),
                box.defensiveRebounds(), box.assists(), box.turnovers(), box.steals(), box.blocks(), box.fouls())
                .map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private SeasonGame game(ResultSet rs, int row) throws SQLException {
        return new SeasonGame(rs.getInt("season"), rs.getInt("day"),
                box(rs.getInt("winner_id"), rs.getArray("winner_box")),
                box(rs.getInt("loser_id"), rs.getArray("loser_box")), rs.getString("winner_location").charAt(0),
                rs.getInt("overtimes"));
    }

    private static TeamBox box(int teamId, Array array) throws SQLException {
        Integer[] b = (Integer[]) array.getArray();
        return new TeamBox(teamId, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
                b[13]);
    }
}
