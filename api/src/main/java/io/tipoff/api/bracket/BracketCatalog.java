package io.tipoff.api.bracket;

import io.tipoff.model.Bracket;
import io.tipoff.model.TeamProfile;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The imported brackets, with the profiles their teams have now, as TOURNAMENT jobs look them up. */
@Repository
public class BracketCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BracketCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A seeded team and its imported season, or a missing profile when the team is no longer imported. */
    public record SeededTeam(String seed, String teamKey, TeamProfile profile) {

        /** The team's Kaggle id, for a team imported with one (its key is then the id); empty for a named team. */
        public Optional<Integer> teamId() {
            try {
                return Optional.of(Integer.parseInt(teamKey));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The seeds of a season's bracket, in seed order; empty when no bracket was imported for it. */
    public List<SeededTeam> seeds(int season) {
        return jdbc.sql("""
                        select b.seed, b.team_key, t.profile
                        from bracket_seeds b
                        left join team_seasons t on t.season = b.season and t.team_key = b.team_key
                        where b.season = :season
                        order by b.seed""")
                .param("season", season)
                .query((rs, n) -> new SeededTeam(rs.getString("seed"), rs.getString("team_key"),
                        rs.getString("profile") == null ? null
                                : json.readValue(rs.getString("profile"), TeamProfile.class)))
                .list();
    }

    /** The slots of a season's bracket, in slot order. */
    public List<Bracket.Slot> slots(int season) {
        return jdbc.sql("select slot, strong_seed, weak_seed from bracket_slots where season = :season order by slot")
                .param("season", season)
                .query((rs, n) -> new Bracket.Slot(rs.getString("slot"), rs.getString("strong_seed"),
                        rs.getString("weak_seed")))
                .list();
    }

    /** A season's bracket with its teams' current profiles, when one was imported and all its teams still are. */
    public Optional<Bracket> bracket(int season) {
        return bracket(season, seeds(season));
    }

    /** The same from the season's seeds as {@link #seeds} read them, for a caller that needs them too. */
    public Optional<Bracket> bracket(int season, List<SeededTeam> seeds) {
        if (seeds.isEmpty() || seeds.stream().anyMatch(s -> s.profile() == null)) {
            return Optional.empty();
        }
        return Optional.of(new Bracket(seeds.stream().map(s -> new Bracket.Seeded(s.seed(), s.profile())).toList(),
                slots(season)));
    }
}
