package io.tipoff.api.job;

import io.tipoff.model.JobSpec;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Jobs in PostgreSQL: stored when accepted, read for status and paging, marked once their chunks are published. */
@Repository
class JobRepository {

    private static final String VIEW_COLUMNS = """
            id, type, status, simulations, simulations_completed, chunks, chunks_completed, chunk_size, seed,
            created_at, started_at, completed_at, error, spec""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, JobSpec spec, long seed, ChunkPlan plan) {
        jdbc.sql("""
                        insert into jobs (id, type, status, spec, seed, simulations, chunk_size, chunks)
                        values (:id, :type, 'QUEUED', cast(:spec as jsonb), :seed, :simulations, :chunkSize, :chunks)""")
                .param("id", id)
                .param("type", spec.type().name())
                .param("spec", json.writeValueAsString(spec))
                .param("seed", seed)
                .param("simulations", plan.simulations())
                .param("chunkSize", plan.chunkSize())
                .param("chunks", plan.chunks())
                .update();
    }

    Optional<JobView> find(UUID id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from jobs where id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    /** Newest first; {@code before} (a job id) pages back from that job, {@code status} filters. */
    List<JobView> list(JobStatus status, int limit, UUID before) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from jobs"
                        + " where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:before as uuid) is null"
                        + "      or (created_at, id) < (select created_at, id from jobs where id = :before))"
                        + " order by created_at desc, id desc limit :limit")
                .param("status", status == null ? null : status.name())
                .param("before", before)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    void markPublished(UUID id) {
        jdbc.sql("update jobs set published_at = clock_timestamp() where id = :id and published_at is null")
                .param("id", id)
                .update();
    }

    /** Unfinished jobs accepted more than {@code age} ago whose chunks were never confirmed by the broker. */
    List<UnpublishedJob> unpublished(Duration age) {
        return jdbc.sql("""
                        select id, simulations, chunk_size from jobs
                        where published_at is null and status in ('QUEUED', 'RUNNING')
                          and created_at < clock_timestamp() - make_interval(secs => :seconds)
                        order by created_at limit 100""")
                .param("seconds", age.toMillis() / 1000.0)
                .query((rs, n) -> new UnpublishedJob(rs.getObject("id", UUID.class),
                        ChunkPlan.of(rs.getLong("simulations"), rs.getInt("chunk_size"))))
                .list();
    }

    Set<Integer> completedChunks(UUID id) {
        return new HashSet<>(jdbc.sql("select chunk_index from chunk_results where job_id = :id")
                .param("id", id)
                .query(Integer.class)
                .list());
    }

    record UnpublishedJob(UUID id, ChunkPlan plan) {
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
                spec.settings().league());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
