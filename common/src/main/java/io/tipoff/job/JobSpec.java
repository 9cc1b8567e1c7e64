package io.tipoff.job;

import io.tipoff.model.JobType;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.Tournament;
import io.tipoff.pool.PoolSpec;
import java.util.Objects;

/**
 * What a job simulates, stored with the job when it is accepted: the teams (a matchup, or a tournament's bracket) and
 * the engine settings of that moment.
 * Workers read it from the job, so every chunk of a job plays by the same rules. A team named by reference to an
 * imported season is stored resolved, as the profile it had then, so re-importing a season never changes a job.
 *
 * @param matchup    a MATCHUP job's teams; null for a tournament
 * @param sources    where the matchup's teams were imported from, or null when both were given inline
 * @param tournament a TOURNAMENT or BRACKET_POOL job's bracket; null for a matchup
 * @param pool       a BRACKET_POOL job's pool (its entrants, scoring and the public's picks); null otherwise
 */
public record JobSpec(JobType type, Matchup matchup, SimulationSettings settings, Sources sources,
                      Tournament tournament, PoolSpec pool) {

    public JobSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        switch (type) {
            case MATCHUP -> Objects.requireNonNull(matchup, "matchup");
            case TOURNAMENT -> Objects.requireNonNull(tournament, "tournament");
            case BRACKET_POOL -> {
                Objects.requireNonNull(tournament, "tournament");
                Objects.requireNonNull(pool, "pool");
            }
        }
    }

    /** A matchup or tournament job. */
    public JobSpec(JobType type, Matchup matchup, SimulationSettings settings, Sources sources,
                   Tournament tournament) {
        this(type, matchup, settings, sources, tournament, null);
    }

    /** A matchup job. */
    public JobSpec(JobType type, Matchup matchup, SimulationSettings settings, Sources sources) {
        this(type, matchup, settings, sources, null);
    }

    /** A matchup job whose teams were all given inline. */
    public JobSpec(JobType type, Matchup matchup, SimulationSettings settings) {
        this(type, matchup, settings, null, null);
    }

    /** A tournament job. */
    public static JobSpec ofTournament(Tournament tournament, SimulationSettings settings) {
        return new JobSpec(JobType.TOURNAMENT, null, settings, null, tournament);
    }

    /** A bracket pool job: the bracket its tournaments play, and the pool its entry is chosen for. */
    public static JobSpec ofPool(Tournament tournament, PoolSpec pool, SimulationSettings settings) {
        return new JobSpec(JobType.BRACKET_POOL, null, settings, null, tournament, pool);
    }

    /** Where each team of a matchup came from; null for a team given inline. */
    public record Sources(Source teamA, Source teamB) {
    }

    /**
     * An imported team season.
     *
     * @param teamId  the team's id, or null when its data had none (its name, in the profile, is then its key)
     * @param asOfDay the day of the season whose ratings the team was given (from the season's games up to that
     *                day); null for a team of imported season statistics
     */
    public record Source(int season, Integer teamId, Integer asOfDay) {

        public Source(int season, Integer teamId) {
            this(season, teamId, null);
        }
    }
}
