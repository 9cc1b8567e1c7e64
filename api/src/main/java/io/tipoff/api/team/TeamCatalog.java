package io.tipoff.api.team;

import io.tipoff.model.LeagueAverages;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.TeamSeason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The imported team seasons, as jobs look them up and {@code GET /api/v1/teams} lists them. */
@Repository
public class TeamCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TeamCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<TeamSeason> team(int season, int teamId) {
        return jdbc.sql("select * from team_seasons where season = :season and team_id = :teamId")
                .param("season", season)
                .param("teamId", teamId)
                .query(this::teamSeason)
                .optional();
    }

    /** By name, ignoring case (the import keeps names unique within a season). */
    public Optional<TeamSeason> team(int season, String name) {
        return jdbc.sql("select * from team_seasons where season = :season and lower(name) = lower(:name)")
                .param("season", season)
                .param("name", name)
                .query(this::teamSeason)
                .optional();
    }

    /** The averages of an imported season's teams; empty if the season was never imported. */
    public Optional<LeagueAverages> league(int season) {
        return jdbc.sql("select league from seasons where season = :season")
                .param("season", season)
                .query((rs, n) -> json.readValue(rs.getString("league"), LeagueAverages.class))
                .optional();
    }

    /** A season's teams by name, or with {@code season} null every season's, by season then name. */
    List<TeamSeason> teams(Integer season) {
        return jdbc.sql("select * from team_seasons where cast(:season as integer) is null or season = :season"
                        + " order by season, name")
                .param("season", season)
                .query(this::teamSeason)
                .list();
    }

    List<SeasonView> seasons() {
        return jdbc.sql("select season, teams, imported_at from seasons order by season")
                .query((rs, n) -> new SeasonView(rs.getInt("season"), rs.getInt("teams"),
                        rs.getTimestamp("imported_at").toInstant()))
                .list();
    }

    private TeamSeason teamSeason(ResultSet rs, int row) throws SQLException {
        return new TeamSeason(rs.getInt("season"), rs.getObject("team_id", Integer.class), rs.getString("conference"),
                json.readValue(rs.getString("profile"), TeamProfile.class), rs.getObject("barthag", Double.class),
                rs.getString("postseason"), rs.getObject("seed", Integer.class));
    }
}
