package io.tipoff.worker.chunk;

import io.tipoff.engine.Simulation;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.model.JobSpec;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chunk aggregates in PostgreSQL, and where a job's result is reduced.
 *
 * <p>{@link #save} runs in one transaction: insert the chunk's aggregate (the primary key on job and chunk makes a
 * second copy a no-op), count it in the job's progress, and if it was the job's last chunk merge every chunk's
 * aggregate into the result row and mark the job COMPLETED. The progress update locks the job's row, so when the last
 * chunks finish at the same moment on different workers exactly one of them sees the count reach the total.
 */
@Repository
class ChunkStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    ChunkStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job as a worker sees it: its status, what to simulate, and how it was split into chunks. */
    record JobToPlay(String status, long seed, JobSpec spec, long simulations, int chunkSize, int chunks) {

        /** Whether the chunk is one of this job's, as the api planned it (not a message made up or garbled). */
        boolean plans(ChunkMessage chunk) {
            long firstGame = (long) chunk.chunkIndex() * chunkSize;
            return chunk.chunkIndex() < chunks && chunk.firstGame() == firstGame
                    && chunk.games() == Math.min(chunkSize, simulations - firstGame);
        }

        /** Still to be worked on: not completed, failed or cancelled. */
        boolean isOpen() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }
    }

    /** What became of a stored chunk. */
    enum Saved {
        /** Counted in the job's progress. */
        COUNTED,
        /** Counted, and it was the last: the job's result is written. */
        COMPLETED_JOB,
        /** Another delivery of this chunk was stored first; nothing changed. */
        DUPLICATE,
        /** The job was cancelled or failed meanwhile; nothing changed. */
        JOB_CLOSED
    }

    Optional<JobToPlay> find(UUID jobId) {
        return jdbc.sql("select status, seed, spec, simulations, chunk_size, chunks from jobs where id = :id")
                .param("id", jobId)
                .query((rs, n) -> new JobToPlay(rs.getString("status"), rs.getLong("seed"),
                        json.readValue(rs.getString("spec"), JobSpec.class), rs.getLong("simulations"),
                        rs.getInt("chunk_size"), rs.getInt("chunks")))
                .optional();
    }

    /** Marks the job RUNNING if it was QUEUED: a worker has started on it. */
    void start(UUID jobId) {
        jdbc.sql("""
                        update jobs set status = 'RUNNING', started_at = clock_timestamp()
                        where id = :id and status = 'QUEUED'""")
                .param("id", jobId)
                .update();
    }

    /** Fails an unfinished job with a readable reason; a finished job keeps its status. */
    void fail(UUID jobId, String error) {
        jdbc.sql("""
                        update jobs set status = 'FAILED', error = :error, completed_at = clock_timestamp()
                        where id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("id", jobId)
                .param("error", error)
                .update();
    }

    boolean isStored(ChunkMessage chunk) {
        return jdbc.sql("select exists (select 1 from chunk_results where job_id = :id and chunk_index = :chunk)")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .query(Boolean.class)
                .single();
    }

    @Transactional
    Saved save(ChunkMessage chunk, Object aggregate, long elapsedMillis) {
        int inserted = jdbc.sql("""
                        insert into chunk_results (job_id, chunk_index, first_game, games, aggregate, worker, elapsed_ms)
                        values (:id, :chunk, :firstGame, :games, cast(:aggregate as jsonb), :worker, :elapsed)
                        on conflict (job_id, chunk_index) do nothing""")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .param("firstGame", chunk.firstGame())
                .param("games", chunk.games())
                .param("aggregate", json.writeValueAsString(aggregate))
                .param("worker", worker)
                .param("elapsed", (int) Math.min(Integer.MAX_VALUE, elapsedMillis))
                .update();
        if (inserted == 0) {
            return Saved.DUPLICATE;
        }
        Optional<Boolean> last = jdbc.sql("""
                        update jobs set
                            chunks_completed = chunks_completed + 1,
                            simulations_completed = simulations_completed + :games,
                            status = case when chunks_completed + 1 = chunks then 'COMPLETED' else 'RUNNING' end,
                            started_at = coalesce(started_at, clock_timestamp()),
                            completed_at = case when chunks_completed + 1 = chunks then clock_timestamp() end
                        where id = :id and status in ('QUEUED', 'RUNNING')
                        returning chunks_completed = chunks""")
                .param("id", chunk.jobId())
                .param("games", chunk.games())
                .query(Boolean.class)
                .optional();
        if (last.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Saved.JOB_CLOSED;
        }
        if (!last.get()) {
            return Saved.COUNTED;
        }
        completeJob(chunk.jobId());
        return Saved.COMPLETED_JOB;
    }

    /** Where results are reduced: every chunk's aggregate merged into the job's result row. */
    private void completeJob(UUID jobId) {
        JobSpec spec = jdbc.sql("select spec from jobs where id = :id")
                .param("id", jobId)
                .query((rs, n) -> json.readValue(rs.getString("spec"), JobSpec.class))
                .single();
        reduce(jobId, Simulation.of(spec));
    }

    private <A> void reduce(UUID jobId, Simulation<A> simulation) {
        // One chunk at a time: a job of 100,000 chunks never holds all their aggregates in memory at once.
        AtomicReference<A> total = new AtomicReference<>();
        jdbc.sql("select aggregate from chunk_results where job_id = :id order by chunk_index")
                .param("id", jobId)
                .query(rs -> {
                    A chunk = json.readValue(rs.getString("aggregate"), simulation.aggregateType());
                    total.accumulateAndGet(chunk, (sum, next) -> sum == null ? next : simulation.merge(sum, next));
                });
        Object result = simulation.result(total.get());
        jdbc.sql("""
                        insert into job_results (job_id, result, aggregate)
                        values (:id, cast(:result as json), cast(:aggregate as jsonb))""")
                .param("id", jobId)
                .param("result", json.writeValueAsString(result))
                .param("aggregate", json.writeValueAsString(total.get()))
                .update();
    }
}
