package io.tipoff.api.job;

import io.tipoff.messaging.ChunkMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chunk messages waiting to be published (table {@code chunk_outbox}): written with their job, taken by the
 * {@link OutboxRelay}, marked sent once the broker confirms them, and put back by the {@link Reconciler} when a job's
 * chunks got lost on the way.
 */
@Repository
class ChunkOutbox {

    private final JdbcClient jdbc;

    ChunkOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every chunk of the plan, in one statement: a job of 100,000 chunks is one insert, not 100,000. */
    void add(UUID jobId, ChunkPlan plan) {
        jdbc.sql("""
                        insert into chunk_outbox (job_id, chunk_index, first_game, games)
                        select :id, i, i::bigint * :chunkSize, least(:chunkSize, :simulations - i::bigint * :chunkSize)
                        from generate_series(0, :chunks - 1) as i""")
                .param("id", jobId)
                .param("chunkSize", plan.chunkSize())
                .param("simulations", plan.simulations())
                .param("chunks", plan.chunks())
                .update();
    }

    /**
     * Up to {@code limit} unsent chunks of jobs still to be played, oldest first, locked for this transaction; rows
     * another relay (another api instance) holds are skipped, so no chunk is taken by two relays at once.
     */
    List<ChunkMessage> takePending(int limit) {
        return jdbc.sql("""
                        select o.job_id, o.chunk_index, o.first_game, o.games from chunk_outbox o
                        join jobs j on j.id = o.job_id and j.status in ('QUEUED', 'RUNNING')
                        where o.sent_at is null
                        order by o.created_at, o.job_id, o.chunk_index
                        limit :limit
                        for update of o skip locked""")
                .param("limit", limit)
                .query((rs, n) -> new ChunkMessage(rs.getObject("job_id", UUID.class), rs.getInt("chunk_index"),
                        rs.getLong("first_game"), rs.getInt("games")))
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

    /** Of these jobs, those whose every chunk is now sent get their {@code published_at}, once. */
    void markPublished(Collection<UUID> jobIds) {
        jdbc.sql("""
                        update jobs j set published_at = clock_timestamp()
                        where j.id in (:ids) and j.published_at is null
                          and not exists (select 1 from chunk_outbox o where o.job_id = j.id and o.sent_at is null)""")
                .param("ids", jobIds)
                .update();
    }

    /** A chunk sent but never stored. */
    record LostChunk(UUID jobId, int chunkIndex, int sends) {
    }

    /**
     * The chunks of stalled jobs: every chunk sent, none stored for {@code quiet}, yet some never stored. Only called
     * when the chunk queue holds nothing ready, so these chunks are neither waiting in the queue nor (beyond a
     * worker's heartbeat timeout) in a live worker's hands: they are lost.
     */
    List<LostChunk> lost(Duration quiet) {
        return jdbc.sql("""
                        select o.job_id, o.chunk_index, o.sends from jobs j
                        join chunk_outbox o on o.job_id = j.id
                        where j.status in ('QUEUED', 'RUNNING')
                          and not exists (select 1 from chunk_outbox p where p.job_id = j.id and p.sent_at is null)
                          and greatest(j.created_at, j.started_at,
                                       (select max(c.created_at) from chunk_results c where c.job_id = j.id),
                                       (select max(p.sent_at) from chunk_outbox p where p.job_id = j.id))
                              < clock_timestamp() - make_interval(secs => :seconds)
                          and not exists (select 1 from chunk_results c
                                          where c.job_id = o.job_id and c.chunk_index = o.chunk_index)
                        order by o.job_id, o.chunk_index""")
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
}
