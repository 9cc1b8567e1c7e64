package io.tipoff.api.job;

import io.tipoff.job.JobSpec;
import io.tipoff.messaging.Lane;
import io.tipoff.model.Bracket;
import io.tipoff.model.DefenseProfile;
import io.tipoff.model.GameState;
import io.tipoff.model.JobPriority;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as {@code GET /api/v1/jobs/{id}} shows it: what was asked, how far it got, when; and the snapshot it plays:
 * the teams as they were when it was accepted (imported teams resolved to their profiles) and the league averages.
 * {@code priority}, {@code lane} and {@code chunksInFlight} (released to the workers, not yet stored) show its place in
 * the fair share; a job with a precision {@code target} says, once completed, why it stopped ({@code stopReason}
 * {@code TARGET_MET} or {@code CAP_REACHED}) and {@code simulationsCompleted} is then the simulations its result counts.
 */
public record JobView(UUID id, JobType type, JobStatus status, long simulations, long simulationsCompleted,
                      int chunks, int chunksCompleted, int chunkSize, long seed, double progress, Instant createdAt,
                      Instant startedAt, Instant completedAt, String error, MatchupView matchup,
                      TournamentView tournament, LeagueAverages league, JobPriority priority, Lane lane,
                      int chunksInFlight, Target target, String stopReason) {

    /** The precision a job asked for: every reported probability's standard error at most this. */
    public record Target(double stdError) {
    }

    /**
     * A tournament's bracket: the seeded teams (their profiles as the job plays them are in the stored spec) and the
     * slots; {@code season} is null for a bracket given inline. {@code results}: the games decided (slot → seed of the
     * winner), those the given winners won on their way included; {@code inProgress}: the games played from a state.
     */
    public record TournamentView(Integer season, List<SeededTeam> teams, List<Bracket.Slot> slots,
                                 Map<String, String> results, Map<String, GameState> inProgress) {

        static TournamentView of(JobSpec spec) {
            if (spec.tournament() == null) {
                return null;
            }
            Bracket bracket = spec.tournament().bracket();
            return new TournamentView(spec.tournament().season(), bracket.teams().stream()
                    .map(t -> new SeededTeam(t.seed(), t.team().name())).toList(), bracket.slots(),
                    spec.tournament().results(), spec.tournament().inProgress());
        }
    }

    public record SeededTeam(String seed, String name) {
    }

    /** @param state the game in progress it is played from, or null for a whole game */
    public record MatchupView(TeamView teamA, TeamView teamB, Venue venue, GameState state) {

        static MatchupView of(JobSpec spec) {
            if (spec.matchup() == null) {
                return null;
            }
            JobSpec.Sources sources = spec.sources();
            return new MatchupView(TeamView.of(spec.matchup().teamA(), sources == null ? null : sources.teamA()),
                    TeamView.of(spec.matchup().teamB(), sources == null ? null : sources.teamB()),
                    spec.matchup().venue(), spec.matchup().state());
        }
    }

    /**
     * A team of the matchup; {@code season} and {@code teamId} say which imported team it was, and are null for a
     * team given inline; {@code asOfDay}, for a team rated from its season's games, the day of its ratings.
     */
    public record TeamView(Integer season, Integer teamId, Integer asOfDay, String name, double tempo,
                           OffenseProfile offense, DefenseProfile defense, Double adjOffense, Double adjDefense) {

        static TeamView of(TeamProfile team, JobSpec.Source source) {
            return new TeamView(source == null ? null : source.season(), source == null ? null : source.teamId(),
                    source == null ? null : source.asOfDay(), team.name(), team.tempo(), team.offense(),
                    team.defense(), team.adjOffense(), team.adjDefense());
        }
    }
}
