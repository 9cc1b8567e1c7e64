package io.tipoff.api.pool;

import io.tipoff.api.bracket.BracketCatalog;
import io.tipoff.api.live.KnownResults;
import io.tipoff.api.rating.TeamRatings;
import io.tipoff.api.team.TeamCatalog;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.job.JobSpec;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketShape;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Tournament;
import io.tipoff.pool.PoolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A BRACKET_POOL job's spec: the season's imported bracket, its teams as imported or, with {@code asOfDay}, rated from
 * the season's games up to that day (nothing after it), the pool's scoring checked against the bracket's rounds, the
 * games already decided ({@code results}, {@code resultsThroughDay}: checked as a tournament job's, a result that
 * cannot be is a 400 naming {@code pool.results.<slot>}), and the season's public picks as they are now.
 */
@Service
public class PoolJobs {

    private final BracketCatalog brackets;
    private final TeamCatalog teams;
    private final PublicPicks picks;
    private final KnownResults results;

    PoolJobs(BracketCatalog brackets, TeamCatalog teams, PublicPicks picks, KnownResults results) {
        this.brackets = brackets;
        this.teams = teams;
        this.picks = picks;
        this.results = results;
    }

    public JobSpec spec(PoolRequest request, SimulationSettings defaults) {
        int season = request.season();
        List<BracketCatalog.SeededTeam> seeds = brackets.seeds(season);
        if (seeds.isEmpty()) {
            throw new InvalidFieldException("pool.season", "has no imported bracket");
        }
        Integer day = request.asOfDay();
        List<Bracket.Seeded> seeded = new ArrayList<>();
        Map<String, String> teamOfSeed = new HashMap<>();
        Map<String, Integer> teamIds = new HashMap<>();
        for (BracketCatalog.SeededTeam seed : seeds) {
            teamOfSeed.put(seed.seed(), seed.teamKey());
            seed.teamId().ifPresent(id -> teamIds.put(seed.seed(), id));
            seeded.add(new Bracket.Seeded(seed.seed(), profile(season, seed, day)));
        }
        Bracket bracket = new Bracket(seeded, brackets.slots(season));
        List<Integer> scoring = request.scoring() == null ? PoolSpec.ESPN_SCORING : request.scoring();
        int rounds = BracketShape.of(bracket).mainRounds();
        if (scoring.size() != rounds) {
            throw new InvalidFieldException("pool.scoring", "must hold " + rounds + " numbers, the points of a "
                    + "correct pick in each round of the bracket's main draw (first round first); it holds "
                    + scoring.size());
        }
        PoolSpec pool = new PoolSpec(request.entrants(), scoring, picks.forPool(season, teamOfSeed, "pool.season"),
                PoolSpec.DEFAULT_PILOT);
        Map<String, String> decided = results.decided("pool", season, bracket, teamIds, request.results(),
                request.resultsThroughDay());
        return JobSpec.ofPool(new Tournament(season, bracket, decided, null), pool,
                defaults.withLeague(league(season, day)));
    }

    /** The averages the teams are measured against: of the season's games as of the day, or of its statistics. */
    private LeagueAverages league(int season, Integer day) {
        if (day == null) {
            return teams.league(season).orElseThrow(() -> new InvalidFieldException("pool.season",
                    "has no imported teams"));
        }
        try {
            return teams.league(new JobSpec.Source(season, null, day));
        } catch (TeamRatings.NoRatingsException e) {
            throw new InvalidFieldException("pool." + e.field(), e.reason());
        }
    }

    private TeamProfile profile(int season, BracketCatalog.SeededTeam seed, Integer day) {
        if (day == null) {
            if (seed.profile() == null) {
                throw new InvalidFieldException("pool.season", "its bracket seeds " + seed.seed()
                        + ", a team no longer imported");
            }
            return seed.profile();
        }
        try {
            return teams.team(season, Integer.parseInt(seed.teamKey()), day)
                    .orElseThrow(() -> new InvalidFieldException("pool.asOfDay", "team " + seed.teamKey() + " ("
                            + seed.seed() + ") has no games of season " + season + " by day " + day))
                    .profile();
        } catch (TeamRatings.NoRatingsException e) {
            throw new InvalidFieldException("pool." + e.field(), e.reason());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("pool.asOfDay", "the bracket's team " + seed.teamKey()
                    + " has no id to rate it by");
        }
    }
}
