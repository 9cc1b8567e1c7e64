package io.tipoff.api.team;

import io.tipoff.api.rating.TeamRatings;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.TeamSeason;
import io.tipoff.model.TorvikCsv;
import io.tipoff.ratings.SeasonGamesCsv;
import io.tipoff.ratings.SeasonRatings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports team seasons from Torvik CSV (the season statistics, or the pre-tournament file of the tournament's teams).
 * The whole file is read first, so a bad line stops the import before anything is written; then every season in the
 * file is replaced (its rows deleted and inserted, its league averages recomputed) in one transaction, so readers see
 * either the old seasons or the new ones, never a mix.
 */
@Service
class TeamImport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final TeamRatings ratings;

    TeamImport(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json, TeamRatings ratings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.ratings = ratings;
    }

    /**
     * The averages the season's teams are measured against: their own means when they are a league; but a season
     * whose every team is seeded and none has a POSTSEASON is a tournament's field as of Selection Sunday (the
     * pre-tournament file: 68 of the best teams, whose means are far from Division I's), which takes those of the
     * season's imported games, or without games the 2013–2019 Division I means (LeagueAverages).
     */
    private LeagueAverages league(int season, List<TeamSeason> teams) {
        boolean field = teams.stream().allMatch(team -> team.seed() != null && team.postseason() == null);
        if (!field) {
            return LeagueAverages.of(teams.stream().map(TeamSeason::profile).toList());
        }
        return ratings.find(season, SeasonGamesCsv.MAX_DAY).map(SeasonRatings::league)
                .orElse(LeagueAverages.DIVISION_I_2013_2019);
    }

    /** Throws {@link io.tipoff.model.TeamDataException} naming the line and column of the first bad value. */
    ImportSummary importCsv(String csv) {
        Map<Integer, List<TeamSeason>> seasons = TorvikCsv.read(csv).stream()
                .collect(Collectors.groupingBy(TeamSeason::season, TreeMap::new, Collectors.toList()));
        transaction.executeWithoutResult(status -> {
            // Two imports of the same season at once would each delete what the other has not committed yet and
            // then collide on the primary key; imports are rare, so they simply take turns. Readers are not blocked.
            jdbc.execute("lock table team_seasons in exclusive mode");
            seasons.forEach(this::replace);
        });
        List<ImportSummary.Season> counts = new ArrayList<>();
        seasons.forEach((season, teams) -> counts.add(new ImportSummary.Season(season, teams.size())));
        return new ImportSummary(counts.stream().mapToInt(ImportSummary.Season::teams).sum(), counts);
    }

    private void replace(int season, List<TeamSeason> teams) {
        jdbc.update("delete from team_seasons where season = ?", season);
        jdbc.batchUpdate("""
                        insert into team_seasons (season, team_key, team_id, name, conference, profile, barthag,
                                                  postseason, seed, imported_at)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, now())""",
                teams.stream().map(team -> new Object[] {team.season(), team.key(), team.teamId(), team.name(),
                        team.conference(), json.writeValueAsString(team.profile()), team.barthag(), team.postseason(),
                        team.seed()}).toList());
        LeagueAverages league = league(season, teams);
        jdbc.update("""
                        insert into seasons (season, teams, league, imported_at)
                        values (?, ?, cast(? as jsonb), now())
                        on conflict (season) do update
                        set teams = excluded.teams, league = excluded.league, imported_at = excluded.imported_at""",
                season, teams.size(), json.writeValueAsString(league));
    }
}
