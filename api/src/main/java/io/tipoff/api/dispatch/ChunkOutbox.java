package io.tipoff.api.dispatch;

import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkPlan;
import io.tipoff.messaging.Lane;
import io.tipoff.model.JobPriority;
import io.tipoff.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatch state in PostgreSQL. A job's chunks are released into the outbox ({@code chunk_outbox}) a few at a
 * time by the {@link Dispatcher} ({@code jobs.next_chunk} counts them); the {@link OutboxRelay} publishes the released
 * rows and marks them sent once the broker confirms them; the {@link Reconciler} puts back the ones that got lost.
 */
@Repository
class ChunkOutbox {

    /** The first half of the advisory lock that makes dispatch rounds of several api instances take turns. */
    private static final int DISPATCH_LOCK = 0x7469_7064;

    private final JdbcClient jdbc;

    ChunkOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for other api instances' dispatch rounds: held to the end of this transaction. */
    void lockDispatch() {
        jdbc.sql("select pg_advisory_xact_lock(:lock, 0)").param("lock", DISPATCH_LOCK).query().listOfRows();
    }

    /** True when no other api instance holds the lock (a reconciler round is done by one instance at a time). */
    boolean tryLock(int part) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:lock, :part)")
                .param("lock", DISPATCH_LOCK)
                .param("part", part)
                .query(Boolean.class)
                .single();
    }

    /** An open job as dispatch sees it. */
    record OpenJob(UUID id, String key, JobPriority priority, Lane lane, Instant createdAt, ChunkPlan plan,
                   int gamesPerSimulation, int released, int stored, boolean counted) {

        int inFlight() {
            return Math.max(0, released - stored);
        }

        int remaining() {
            return counted ? 0 : plan.chunks() - released;
        }

        /** Games of the chunks in flight (counting them as the first ones: close enough for a gauge). */
        long gamesInFlight() {
            return (plan.simulationsIn(released) - plan.simulationsIn(Math.min(stored, released)))
                    * gamesPerSimulation;
        }

        /** Games of the chunks not yet released. */
        long gamesQueued() {
            return counted ? 0 : (plan.simulations() - plan.simulationsIn(released)) * gamesPerSimulation;
        }
    }

    /** Every open job, oldest first. */
    List<OpenJob> openJobs() {
        return jdbc.sql("""
                        select id, submitted_by, priority, lane, created_at, simulations, chunk_size, chunks, games_per_simulation,
                               next_chunk, chunks_completed, result_chunks is not null as counted
                        from jobs where status in (:open) order by created_at, id""")
                .param("open", JobStatus.OPEN_NAMES)
                .query((rs, n) -> new OpenJob(rs.getObject("id", UUID.class), rs.getString("submitted_by"),
                        JobPriority.valueOf(rs.getString("priority")), Lane.valueOf(rs.getString("lane")),
                        rs.getTimestamp("created_at").toInstant(),
                        new ChunkPlan(rs.getLong("simulations"), rs.getInt("chunk_size"), rs.getInt("chunks")),
                        rs.getInt("games_per_simulation"),                        rs.getInt("next_chunk"), rs.getInt("chunks_completed"), rs.getBoolean("counted")))
                .list();
    }

    /** Releases the job's next {@code count} chunks into the outbox, in index order. */
    void release(OpenJob job, int count) {
        for (int i = job.released(); i < job.released() + count; i++) {
            ChunkMessage chunk = job.plan().chunk(job.id(), i);
            jdbc.sql("""
                            insert into chunk_outbox (job_id, chunk_index, first_game, games)
                            values (:id, :chunk, :firstGame, :games)""")
                    .param("id", chunk.jobId())
                    .param("chunk", chunk.chunkIndex())
                    .param("firstGame", chunk.firstGame())
                    .param("games", chunk.games())
                    .update();
        }
        jdbc.sql("update jobs set next_chunk = next_chunk + :count where id = :id")
                .param("id", job.id())
                .param("count", count)
                .update();
    }

    /** A released chunk to publish, the lane its job travels on, and the trace its submission began (or null). */
    record Pending(ChunkMessage chunk, Lane lane, String traceParent) {
    }

    /**
     * Up to {@code limit} released, unsent chunks of open jobs, oldest release first, locked for this transaction;
     * rows another api instance's relay holds are skipped, so no chunk is taken by two relays at once.
     */
    List<Pending> takePending(int limit) {
        return jdbc.sql("""
                        select o.job_id, o.chunk_index, o.first_game, o.games, j.lane, j.trace_parent
                        from chunk_outbox o
                        join jobs j on j.id = o.job_id and j.status in (:open)
                        where o.sent_at is null
                        order by o.created_at, o.job_id, o.chunk_index
                        limit :limit
                        for update of o skip locked""")
                .param("open", JobStatus.OPEN_NAMES)
                .param("limit", limit)
                .query((rs, n) -> new Pending(new ChunkMessage(rs.getObject("job_id", UUID.class),
                        rs.getInt("chunk_index"), rs.getLong("first_game"), rs.getInt("games")),
                        Lane.valueOf(rs.getString("lane")), rs.getString("trace_parent")))
                .list();
    }

    void markSent(ChunkMessage chunk) {
        jdbc.sql("""
                        update chunk_outbox set sent_at = clock_timestamp(), sends = sends + 1
                        where job_id = :id and chunk_index = :chunk""")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .update();
    }

    /** Of these jobs, those whose every chunk is now released and sent get their {@code published_at}, once. */
    void markPublished(Collection<UUID> jobIds) {
        jdbc.sql("""
                        update jobs j set published_at = clock_timestamp()
                        where j.id in (:ids) and j.published_at is null and j.next_chunk = j.chunks
                          and not exists (select 1 from chunk_outbox o where o.job_id = j.id and o.sent_at is null)""")
                .param("ids", jobIds)
                .update();
    }

    /** Cancelling a job: its released chunks that are not yet published are withdrawn. */
    int withdrawUnsent(UUID jobId) {
        return jdbc.sql("delete from chunk_outbox where job_id = :id and sent_at is null")
                .param("id", jobId)
                .update();
    }

    /** A chunk sent but never stored. */
    record LostChunk(UUID jobId, int chunkIndex, int sends) {
    }

    /**
     * Chunks sent at least {@code quiet} ago and never stored, of open jobs that stored no chunk for {@code quiet}
     * either. A dispatch window keeps the queue short, so a chunk waits there far less than {@code quiet}: while a
     * job's other chunks keep completing its missing one may still come, once they stop it is lost.
     */
    List<LostChunk> lost(Duration quiet) {
        return jdbc.sql("""
                        select o.job_id, o.chunk_index, o.sends from jobs j
                        join chunk_outbox o on o.job_id = j.id
                        where j.status in (:open)
                          and o.sent_at < clock_timestamp() - make_interval(secs => :seconds)
                          and greatest(j.created_at, j.started_at,
                                       (select max(c.created_at) from chunk_results c where c.job_id = j.id))
                              < clock_timestamp() - make_interval(secs => :seconds)
                          and not exists (select 1 from chunk_results c
                                          where c.job_id = o.job_id and c.chunk_index = o.chunk_index)
                        order by o.job_id, o.chunk_index""")
                .param("open", JobStatus.OPEN_NAMES)
                .param("seconds", quiet.toMillis() / 1000.0)
                .query((rs, n) -> new LostChunk(rs.getObject("job_id", UUID.class), rs.getInt("chunk_index"),
                        rs.getInt("sends")))
                .list();
    }

    /** Back to pending: the relay publishes it again. */
    void resend(LostChunk chunk) {
        jdbc.sql("update chunk_outbox set sent_at = null where job_id = :id and chunk_index = :chunk")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .update();
    }

    /** Fails an open job with a readable reason; returns whether this call failed it. */
    boolean fail(UUID jobId, String error) {
        return jdbc.sql("""
                        update jobs set status = 'FAILED', error = :error, completed_at = clock_timestamp()
                        where id = :id and status in (:from)""")
                .param("id", jobId)
                .param("error", error)
                .param("from", JobStatus.namesMovableTo(JobStatus.FAILED))
                .update() == 1;
    }
}
