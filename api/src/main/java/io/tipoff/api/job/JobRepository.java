package io.tipoff.api.job;

import io.tipoff.job.JobSpec;
import io.tipoff.messaging.Lane;
import io.tipoff.model.JobPriority;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Jobs in PostgreSQL: stored when accepted, read for status and paging, marked once their chunks are published. */
@Repository
public class JobRepository {

    private static final String VIEW_COLUMNS = """
            id, type, status, simulations, simulations_completed, chunks, chunks_completed, chunk_size, seed,
            created_at, started_at, completed_at, error, spec, priority, lane, next_chunk, target_std_error,
            stop_reason""";

    /** The first half of the advisory lock of a submitter's jobs, to keep it apart from any other advisory lock. */
    private static final int SUBMITTER_LOCK = 0x7469_706f;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param traceParent the submitting request's trace context, when it was traced; else null */
    void insert(UUID id, JobSpec spec, long seed, JobService.Plan plan, String submittedBy, String traceParent) {
        jdbc.sql("""
                        insert into jobs (id, type, status, spec, seed, simulations, chunk_size, chunks, submitted_by,
                                          priority, lane, games_per_simulation, target_std_error, trace_parent)
                        values (:id, :type, 'QUEUED', cast(:spec as jsonb), :seed, :simulations, :chunkSize, :chunks,
                                :submittedBy, :priority, :lane, :gamesPerSimulation, :target, :traceParent)""")
                .param("id", id)
                .param("submittedBy", submittedBy)
                .param("type", spec.type().name())
                .param("spec", json.writeValueAsString(spec))
                .param("seed", seed)
                .param("simulations", plan.chunks().simulations())
                .param("chunkSize", plan.chunks().chunkSize())
                .param("chunks", plan.chunks().chunks())
                .param("priority", plan.priority().name())
                .param("lane", plan.lane().name())
                .param("gamesPerSimulation", plan.gamesPerSimulation())
                .param("target", plan.target())
                .param("traceParent", traceParent)
                .update();
    }

    /** A submitter's unfinished jobs, and the games they still have to play. */
    record Unfinished(long jobs, long games) {
    }

    /**
     * How many jobs {@code submittedBy} has queued or running, counted under a lock of that submitter held to the end
     * of the transaction: two submissions at once cannot both see room for one more.
     */
    Unfinished unfinishedLocked(String submittedBy) {
        jdbc.sql("select pg_advisory_xact_lock(:lockClass, hashtext(:submittedBy))")
                .param("lockClass", SUBMITTER_LOCK)
                .param("submittedBy", submittedBy)
                .query().listOfRows();
        return jdbc.sql("""
                        select count(*), coalesce(sum((simulations - simulations_completed) * games_per_simulation), 0)
                        from jobs where submitted_by = :submittedBy and status in (:open)""")
                .param("submittedBy", submittedBy)
                .param("open", JobStatus.OPEN_NAMES)
                .query((rs, n) -> new Unfinished(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    Optional<JobView> find(UUID id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from jobs where id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    /** The progress of each of these jobs that exists: one query, however many jobs. */
    public List<JobProgress> progress(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, status, simulations, simulations_completed, chunks, chunks_completed, error
                        from jobs where id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> {
                    long simulations = rs.getLong("simulations");
                    long completed = rs.getLong("simulations_completed");
                    return new JobProgress(rs.getObject("id", UUID.class), JobStatus.valueOf(rs.getString("status")),
                            simulations, completed, rs.getInt("chunks"), rs.getInt("chunks_completed"),
                            (double) completed / simulations, rs.getString("error"));
                })
                .list();
    }

    /** How many jobs are in each status (an index-only scan of {@code jobs_by_status}); statuses without jobs are absent. */
    Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        jdbc.sql("select status, count(*) from jobs group by status")
                .query(rs -> {
                    counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The name of the key that submitted a job. */
    Optional<String> submittedBy(UUID id) {
        return jdbc.sql("select submitted_by from jobs where id = :id").param("id", id).query(String.class).optional();
    }

    /**
     * Newest first; {@code before} (a job id) pages back from that job, {@code status} filters, and {@code owner}, when
     * not null, keeps that key's jobs only.
     */
    List<JobView> list(JobStatus status, int limit, UUID before, String owner) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from jobs"
                        + " where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:owner as text) is null or submitted_by = :owner)"
                        + " and (cast(:before as uuid) is null"
                        + "      or (created_at, id) < (select created_at, id from jobs where id = :before))"
                        + " order by created_at desc, id desc limit :limit")
                .param("status", status == null ? null : status.name())
                .param("owner", owner)
                .param("before", before)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    /**
     * Fails an unfinished job with a readable reason; a job already finished keeps its status (a status is set once).
     * Returns whether this call failed it.
     */
    boolean fail(UUID id, String error) {
        return jdbc.sql("""
                        update jobs set status = 'FAILED', error = :error, completed_at = clock_timestamp()
                        where id = :id and status in (:from)""")
                .param("from", JobStatus.namesMovableTo(JobStatus.FAILED))
                .param("id", id)
                .param("error", error)
                .update() == 1;
    }

    /**
     * Deletes a job and, by cascade, its chunks, result and idempotency key; false if there was none. Its outbox rows
     * go first: the relay locks them before their job, and so must this.
     */
    @Transactional
    boolean delete(UUID id) {
        jdbc.sql("delete from chunk_outbox where job_id = :id").param("id", id).update();
        return jdbc.sql("delete from jobs where id = :id").param("id", id).update() == 1;
    }

    /** Cancels an unfinished job; returns whether this call cancelled it. */
    boolean cancel(UUID id) {
        return jdbc.sql("""
                        update jobs set status = 'CANCELLED', completed_at = clock_timestamp()
                        where id = :id and status in (:from)""")
                .param("from", JobStatus.namesMovableTo(JobStatus.CANCELLED))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Claims an idempotency key of {@code submittedBy} for a new job, in the job's transaction; false when that key
     * has it already (from an earlier request, or a concurrent one that committed first).
     */
    boolean claimKey(String submittedBy, String key, String requestHash, UUID jobId) {
        return jdbc.sql("""
                        insert into idempotency_keys (submitted_by, key, request_hash, job_id)
                        values (:submittedBy, :key, :hash, :job)
                        on conflict (submitted_by, key) do nothing""")
                .param("submittedBy", submittedBy)
                .param("key", key)
                .param("hash", requestHash)
                .param("job", jobId)
                .update() == 1;
    }

    /** The job an idempotency key was first used for, and the hash of that request. */
    record KeyedJob(UUID jobId, String requestHash) {
    }

    /** Idempotency keys are each API key's own: two keys may use the same one for different jobs. */
    Optional<KeyedJob> keyed(String submittedBy, String key) {
        return jdbc.sql("""
                        select job_id, request_hash from idempotency_keys
                        where submitted_by = :submittedBy and key = :key""")
                .param("submittedBy", submittedBy)
                .param("key", key)
                .query((rs, n) -> new KeyedJob(rs.getObject("job_id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        long simulations = rs.getLong("simulations");
        long completed = rs.getLong("simulations_completed");
        JobSpec spec = json.readValue(rs.getString("spec"), JobSpec.class);
        return new JobView(rs.getObject("id", UUID.class), JobType.valueOf(rs.getString("type")),
                JobStatus.valueOf(rs.getString("status")), simulations, completed, rs.getInt("chunks"),
                rs.getInt("chunks_completed"), rs.getInt("chunk_size"), rs.getLong("seed"),
                (double) completed / simulations, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("completed_at")),
                rs.getString("error"), JobView.MatchupView.of(spec), JobView.TournamentView.of(spec),
                spec.settings().league(), JobPriority.valueOf(rs.getString("priority")),
                Lane.valueOf(rs.getString("lane")), inFlight(rs),
                (Double) rs.getObject("target_std_error") == null ? null
                        : new JobView.Target(rs.getDouble("target_std_error")),
                rs.getString("stop_reason"));
    }

    /** Chunks released and not yet stored, while the job is open. */
    private static int inFlight(ResultSet rs) throws SQLException {
        return JobStatus.valueOf(rs.getString("status")).isFinal() ? 0
                : Math.max(0, rs.getInt("next_chunk") - rs.getInt("chunks_completed"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
