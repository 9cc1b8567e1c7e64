package io.tipoff.api.team;

import io.tipoff.api.rating.TeamRatings;
import io.tipoff.job.JobSpec;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.TeamSeason;
import io.tipoff.ratings.SeasonRatings;
import io.tipoff.ratings.TeamRating;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The imported team seasons, as jobs look them up and {@code GET /api/v1/teams} lists them. */
@Repository
public class TeamCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TeamRatings ratings;

    TeamCatalog(JdbcClient jdbc, JsonMapper json, TeamRatings ratings) {
        this.jdbc = jdbc;
        this.json = json;
        this.ratings = ratings;
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

    /**
     * A team as rated from its season's games up to {@code asOfDay} ({@link TeamRatings}), named as in the season's
     * imported statistics if there are any (by its id otherwise); empty if it played no game by then.
     *
     * @throws TeamRatings.NoRatingsException when the season has no games by that day
     */
    public Optional<TeamSeason> team(int season, int teamId, int asOfDay) {
        SeasonRatings rated = ratings.asOf(season, asOfDay);
        return rated.team(teamId).map(team -> rated(season, team, names(season)));
    }

    /** By name (ignoring case): the name of a team of the season's imported statistics. */
    public Optional<TeamSeason> team(int season, String name, int asOfDay) {
        ratings.asOf(season, asOfDay);
        return team(season, name).filter(named -> named.teamId() != null)
                .flatMap(named -> team(season, named.teamId(), asOfDay));
    }

    /**
     * The league averages a team of this source plays against: those of its season's imported statistics, or for a
     * team rated as of a day, those of the season's games up to that day.
     */
    public LeagueAverages league(JobSpec.Source source) {
        return source.asOfDay() != null ? ratings.asOf(source.season(), source.asOfDay()).league()
                : league(source.season()).orElseThrow();
    }

    /** Whether a team of the season can be looked up: its statistics imported, or for a day, its games. */
    public boolean hasSeason(int season, Integer asOfDay) {
        return asOfDay != null ? ratings.hasGames(season) : league(season).isPresent();
    }

    /** Every team of the season rated as of the day, best adjusted margin first. */
    List<RatedTeamView> rated(int season, int asOfDay) {
        SeasonRatings rated = ratings.asOf(season, asOfDay);
        Map<Integer, String> names = names(season);
        List<RatedTeamView> teams = new ArrayList<>(rated.teams().size());
        for (TeamRating team : rated.teams()) {
            teams.add(RatedTeamView.of(teams.size() + 1, rated, team, rated(season, team, names)));
        }
        return teams;
    }

    private TeamSeason rated(int season, TeamRating team, Map<Integer, String> names) {
        String name = names.getOrDefault(team.teamId(), "Team " + team.teamId());
        return new TeamSeason(season, team.teamId(), null, team.profile(name), null, null, null);
    }

    /** The names of the season's teams in its imported statistics, by id. */
    private Map<Integer, String> names(int season) {
        Map<Integer, String> names = new HashMap<>();
        jdbc.sql("select team_id, name from team_seasons where season = :season and team_id is not null")
                .param("season", season)
                .query((rs, n) -> names.put(rs.getInt("team_id"), rs.getString("name")))
                .list();
        return names;
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
