package io.tipoff.api.live;

import io.tipoff.model.BracketResults;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The games of each season's tournament played so far ({@code tournament_results}). */
@Repository
public class TournamentResults {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TournamentResults(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Replaces the season's games with these, in one transaction. */
    void replace(int season, List<BracketResults.Game> games) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from tournament_results where season = ?", season);
            jdbc.batchUpdate("""
                            insert into tournament_results (season, day, winner_id, loser_id, winner_points,
                                                            loser_points, overtimes)
                            values (?, ?, ?, ?, ?, ?, ?)""",
                    games.stream().map(g -> new Object[] {season, g.day(), g.winnerId(), g.loserId(), g.winnerPoints(),
                            g.loserPoints(), g.overtimes()}).toList());
        });
    }

    public boolean hasSeason(int season) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from tournament_results where season = ?)", Boolean.class, season));
    }

    /** The season's games up to and including {@code throughDay}, in day order. */
    public List<BracketResults.Game> games(int season, int throughDay) {
        return jdbc.query("""
                        select * from tournament_results where season = ? and day <= ?
                        order by day, winner_id, loser_id""",
                (rs, n) -> new BracketResults.Game(rs.getInt("season"), rs.getInt("day"), rs.getInt("winner_id"),
                        rs.getInt("winner_points"), rs.getInt("loser_id"), rs.getInt("loser_points"),
                        rs.getInt("overtimes")), season, throughDay);
    }
}
