package io.tipoff.api.job;

import io.tipoff.api.bracket.BracketCatalog;
import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.dispatch.Dispatcher;
import io.tipoff.api.job.JobRequest.MatchupRequest;
import io.tipoff.api.job.JobRequest.SeededRequest;
import io.tipoff.api.job.JobRequest.TeamRequest;
import io.tipoff.api.job.JobRequest.TournamentRequest;
import io.tipoff.api.live.KnownResults;
import io.tipoff.api.pool.PoolJobs;
import io.tipoff.api.rating.TeamRatings;
import io.tipoff.api.team.TeamCatalog;
import io.tipoff.api.trace.JobTrace;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.job.JobSpec;
import io.tipoff.messaging.ChunkPlan;
import io.tipoff.messaging.Lane;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketException;
import io.tipoff.model.BracketResults;
import io.tipoff.model.GameState;
import io.tipoff.model.JobPriority;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.TeamSeason;
import io.tipoff.model.Text;
import io.tipoff.model.Tournament;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting a job: check it against the configured limits and its key's quotas, store it and its idempotency key in
 * one transaction, and wake the {@link Dispatcher}, which releases its chunks as its fair share of the workers allows
 * (docs/SCHEDULING.md). Nothing is published before the job is committed, so a chunk never points at a job that does
 * not exist; a job stored by an api that died before dispatching is dispatched by any api's next round.
 *
 * <p>Teams given by reference ({@code season} with {@code teamId} or {@code name}) are looked up before the job is
 * stored, and stored as the profiles they have now: the job is a snapshot, which a later import does not change.
 */
@Service
class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    /** Seeds chosen for the user stay below 2^53 so that JavaScript clients read them exactly. */
    private static final long RANDOM_SEED_BOUND = 1L << 53;

    private final JobRepository jobs;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final ApiProperties properties;
    private final TeamCatalog teams;
    private final BracketCatalog brackets;
    private final KnownResults knownResults;
    private final PoolJobs pools;
    private final JobTrace trace;
    private final SecureRandom seeds = new SecureRandom();

    JobService(JobRepository jobs, Dispatcher dispatcher, TransactionTemplate transactions,
               ApiProperties properties, TeamCatalog teams, BracketCatalog brackets,
               KnownResults knownResults, PoolJobs pools, JobTrace trace) {
        this.brackets = brackets;
        this.knownResults = knownResults;
        this.pools = pools;
        this.trace = trace;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.properties = properties;
        this.teams = teams;
    }

    /** What {@link #submit} did: accepted a new job, or found the job an earlier request with the same key made. */
    record Submitted(JobView job, boolean replayed) {
    }

    /**
     * Accepts a job from {@code caller} (the name of its API key, or anonymous); with an idempotency key, a retry of
     * the same request gets the job the first one made, and a different request with the same key is refused (422). A
     * caller with {@code tipoff.jobs.max-running-per-key} jobs queued or running is refused (429).
     */
    Submitted submit(JobRequest request, String caller, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            Optional<Submitted> earlier = earlier(caller, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ApiProperties.Jobs limits = properties.jobs();
        if (request.simulations() > limits.maxSimulations()) {
            throw new InvalidFieldException("simulations", "must be at most " + limits.maxSimulations());
        }
        if (request.type() == JobType.MATCHUP && request.matchup() == null) {
            throw new InvalidFieldException("matchup", "is required for a MATCHUP job");
        }
        if (request.type() == JobType.TOURNAMENT && request.tournament() == null) {
            throw new InvalidFieldException("tournament", "is required for a TOURNAMENT job");
        }
        if (request.type() == JobType.BRACKET_POOL && request.pool() == null) {
            throw new InvalidFieldException("pool", "is required for a BRACKET_POOL job");
        }
        JobSpec spec = switch (request.type()) {
            case MATCHUP -> spec(request);
            case TOURNAMENT -> tournamentSpec(request.tournament());
            case BRACKET_POOL -> pools.spec(request.pool(), properties.simulation().settings());
        };
        Plan plan = plan(request, spec);
        ModelBudget.check(spec, request.tournament() != null && request.tournament().season() == null,
                limits.maxModelMemory());
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(RANDOM_SEED_BOUND);
        UUID id = UUID.randomUUID();
        boolean stored = Boolean.TRUE.equals(transactions.execute(status -> {
            if (idempotencyKey != null && !jobs.claimKey(caller, idempotencyKey, requestHash, id)) {
                status.setRollbackOnly();
                return false;
            }
            JobRepository.Unfinished unfinished = jobs.unfinishedLocked(caller);
            if (unfinished.jobs() >= limits.maxRunningPerKey()) {
                throw new TooManyRunningJobsException(caller, limits.maxRunningPerKey(), unfinished.jobs());
            }
            if (unfinished.games() + plan.games() > limits.maxQueuedGamesPerKey()) {
                throw new TooManyQueuedGamesException(caller, limits.maxQueuedGamesPerKey(), unfinished.games(),
                        plan.games());
            }
            jobs.insert(id, spec, seed, plan, caller, trace.current());
            return true;
        }));
        if (!stored) {
            // A concurrent request with the same key committed first.
            return earlier(caller, idempotencyKey, requestHash).orElseThrow();
        }
        try (MDC.MDCCloseable job = MDC.putCloseable("jobId", id.toString())) {
            log.info("Job accepted from {}: {} {} simulations in {} chunks, {} lane, {} priority{}", caller,
                    spec.type(), plan.chunks().simulations(), plan.chunks().chunks(), plan.lane(), plan.priority(),
                    plan.target() == null ? "" : ", target standard error " + plan.target());
        }
        dispatcher.wake();
        return new Submitted(jobs.find(id).orElseThrow(), false);
    }

    /**
     * How a job is shared out: its chunks (the request's size, or the default for its type; a precision target's
     * smaller default), its lane, its priority and its target. Chunks below {@code tipoff.jobs.min-chunk-games} games
     * are refused, as are more than {@code tipoff.jobs.max-chunks}.
     */
    record Plan(ChunkPlan chunks, int gamesPerSimulation, Lane lane, JobPriority priority, Double target) {

        long games() {
            return chunks.simulations() * gamesPerSimulation;
        }
    }

    private Plan plan(JobRequest request, JobSpec spec) {
        ApiProperties.Jobs limits = properties.jobs();
        int gamesPerSimulation = spec.tournament() != null ? spec.tournament().bracket().slots().size() : 1;
        Double target = request.target() == null ? null : request.target().stdError();
        int chunkSize = request.chunkSize() != null ? request.chunkSize()
                : target != null ? limits.targetChunkSize()
                : spec.tournament() != null ? limits.defaultTournamentChunkSize() : limits.defaultChunkSize();
        ChunkPlan chunks = ChunkPlan.of(request.simulations(), chunkSize);
        if (chunks.chunks() > limits.maxChunks()) {
            throw new InvalidFieldException("chunkSize",
                    "splits the job into " + chunks.chunks() + " chunks; at most " + limits.maxChunks() + " allowed");
        }
        if (chunks.chunks() > 1 && (long) chunkSize * gamesPerSimulation < limits.minChunkGames()) {
            long fewest = (limits.minChunkGames() + gamesPerSimulation - 1) / gamesPerSimulation;
            throw new InvalidFieldException("chunkSize", "must be at least " + fewest + " (a chunk plays at least "
                    + limits.minChunkGames() + " games, tipoff.jobs.min-chunk-games)");
        }
        long games = request.simulations() * gamesPerSimulation;
        Lane lane = chunks.chunks() == 1 && games <= limits.interactiveMaxGames() ? Lane.INTERACTIVE : Lane.BATCH;
        return new Plan(chunks, gamesPerSimulation, lane,
                request.priority() == null ? JobPriority.NORMAL : request.priority(), target);
    }

    private Optional<Submitted> earlier(String caller, String idempotencyKey, String requestHash) {
        return jobs.keyed(caller, idempotencyKey).map(keyed -> {
            if (!keyed.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException(idempotencyKey);
            }
            return new Submitted(jobs.find(keyed.jobId()).orElseThrow(), true);
        });
    }

    /**
     * Cancels a queued or running job for {@code caller} (the name logged; whether it may is {@link JobOwnership}'s
     * to say); workers drop its remaining chunks. A finished job cannot be cancelled.
     */
    JobView cancel(UUID id, String caller) {
        JobView job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (!jobs.cancel(id)) {
            job = jobs.find(id).orElseThrow();
            if (job.status() != JobStatus.CANCELLED) {
                throw new JobFinishedException(id, job.status());
            }
        } else {
            dispatcher.cancelled(id);
            try (MDC.MDCCloseable logged = MDC.putCloseable("jobId", id.toString())) {
                log.info("Job cancelled by {}", caller);
            }
        }
        return jobs.find(id).orElseThrow();
    }

    /**
     * The job's teams, references resolved, and its settings. A job with an imported team plays against the league
     * averages of that team's season; when both teams are imported from different seasons, team A's season decides.
     * A job of inline teams keeps the configured (2013–2019) averages.
     */
    private JobSpec spec(JobRequest request) {
        MatchupRequest matchup = request.matchup();
        ResolvedTeam a = resolve("matchup.teamA", matchup.teamA());
        ResolvedTeam b = resolve("matchup.teamB", matchup.teamB());
        SimulationSettings settings = properties.simulation().settings();
        JobSpec.Sources sources = null;
        if (a.source() != null || b.source() != null) {
            // Seasons are replaced by an import, never removed: a season that has a team has its averages.
            settings = settings.withLeague(teams.league(a.source() != null ? a.source() : b.source()));
            sources = new JobSpec.Sources(a.source(), b.source());
        }
        GameState state = matchup.state() == null ? null : matchup.state().toState("matchup.state");
        return new JobSpec(request.type(), new Matchup(a.profile(), b.profile(), matchup.venue(), state),
                settings, sources);
    }

    /**
     * The tournament's bracket with its teams resolved, and its settings: an imported season's bracket plays against
     * that season's averages; an inline bracket against those of its first imported team's season, if any.
     */
    private JobSpec tournamentSpec(TournamentRequest request) {
        boolean inline = request.teams() != null || request.slots() != null;
        if ((request.season() != null) == inline) {
            throw new InvalidFieldException("tournament", "needs either season, or teams and slots");
        }
        SimulationSettings settings = properties.simulation().settings();
        if (request.season() != null) {
            int season = request.season();
            List<BracketCatalog.SeededTeam> seeds = brackets.seeds(season);
            Bracket bracket = brackets.bracket(season, seeds).orElseThrow(() -> new InvalidFieldException(
                    "tournament.season", "has no imported bracket (or a seeded team is no longer imported)"));
            Map<String, Integer> teamIds = new HashMap<>();
            seeds.forEach(s -> s.teamId().ifPresent(id -> teamIds.put(s.seed(), id)));
            return JobSpec.ofTournament(known(request, season, bracket, teamIds),
                    settings.withLeague(teams.league(season).orElseThrow()));
        }
        if (request.teams() == null || request.slots() == null) {
            throw new InvalidFieldException(request.teams() == null ? "tournament.teams" : "tournament.slots",
                    "is required with an inline bracket");
        }
        List<Bracket.Seeded> seeded = new ArrayList<>();
        Map<String, Integer> teamIds = new HashMap<>();
        JobSpec.Source leagueSeason = null;
        for (int i = 0; i < request.teams().size(); i++) {
            SeededRequest entry = request.teams().get(i);
            ResolvedTeam team = resolve("tournament.teams[" + i + "].team", entry.team());
            seeded.add(new Bracket.Seeded(entry.seed(), team.profile()));
            if (team.source() != null && team.source().teamId() != null) {
                teamIds.put(entry.seed(), team.source().teamId());
            }
            if (leagueSeason == null && team.source() != null) {
                leagueSeason = team.source();
            }
        }
        List<Bracket.Slot> slots = request.slots().stream()
                .map(s -> new Bracket.Slot(s.slot(), s.strongSeed(), s.weakSeed())).toList();
        Bracket bracket;
        try {
            bracket = new Bracket(seeded, slots);
        } catch (BracketException e) {
            boolean isSlot = slots.stream().anyMatch(s -> s.slot().equals(e.where()));
            throw isSlot ? new InvalidFieldException("tournament.slots", e.reason(), e.where())
                    : new InvalidFieldException("tournament.teams", e.getMessage());
        }
        return JobSpec.ofTournament(known(request, leagueSeason == null ? null : leagueSeason.season(), bracket,
                teamIds), leagueSeason == null ? settings : settings.withLeague(teams.league(leagueSeason)));
    }

    /**
     * The bracket with what is known of it: the results given and those imported up to {@code resultsThroughDay}
     * ({@link KnownResults}, a result that cannot be is a 400 naming {@code tournament.results.<slot>}), with the games
     * in progress (a game that cannot be in progress is a 400 naming {@code tournament.inProgress.<slot>}).
     *
     * @param season  the season whose imported results {@code resultsThroughDay} reads; null when no team is imported
     * @param teamIds the team id of each seed that has one, to find the imported games in the bracket
     */
    private Tournament known(TournamentRequest request, Integer season, Bracket bracket,
                             Map<String, Integer> teamIds) {
        Map<String, String> decided = knownResults.decided("tournament", season, bracket, teamIds, request.results(),
                request.resultsThroughDay());
        Map<String, GameState> states = new TreeMap<>();
        if (request.inProgress() != null) {
            request.inProgress().forEach((slot, state) -> {
                String field = "tournament.inProgress." + Text.excerpt(slot);
                if (state == null) {
                    throw new InvalidFieldException(field, "is required: the game's state");
                }
                states.put(slot, state.toState(field));
            });
        }
        try {
            BracketResults.checkInProgress(bracket, decided, states.keySet());
        } catch (BracketException e) {
            throw new InvalidFieldException("tournament.inProgress." + Text.excerpt(e.where()), e.reason());
        }
        return new Tournament(request.season(), bracket, decided, states);
    }

    /** A team of the request, with where it was imported from (null for a team given inline). */
    private record ResolvedTeam(TeamProfile profile, JobSpec.Source source) {
    }

    private ResolvedTeam resolve(String field, TeamRequest team) {
        if (!team.isReference()) {
            return new ResolvedTeam(team.toProfile(), null);
        }
        int season = team.season();
        Integer day = team.asOfDay();
        try {
            TeamSeason found = (day != null
                    ? team.teamId() != null ? teams.team(season, team.teamId(), day) : teams.team(season, team.name(), day)
                    : team.teamId() != null ? teams.team(season, team.teamId()) : teams.team(season, team.name()))
                    .orElseThrow(() -> !teams.hasSeason(season, day)
                            ? new InvalidFieldException(field + ".season", "has no imported teams")
                            : new InvalidFieldException(field + (team.teamId() != null ? ".teamId" : ".name"),
                            "names no team in season " + season + (day == null ? "" : " that played by day " + day)));
            return new ResolvedTeam(found.profile(), new JobSpec.Source(season, found.teamId(), day));
        } catch (TeamRatings.NoRatingsException e) {
            throw new InvalidFieldException(field + "." + e.field(), e.reason());
        }
    }
}
