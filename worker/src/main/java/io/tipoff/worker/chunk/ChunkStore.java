package io.tipoff.worker.chunk;

import io.tipoff.engine.Simulation;
import io.tipoff.engine.Tally;
import io.tipoff.job.JobModel;
import io.tipoff.job.JobSpec;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkPlan;
import io.tipoff.model.JobStatus;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chunk aggregates in PostgreSQL, and where a job's result is reduced.
 *
 * <p>{@link #save} runs in one short transaction: insert the chunk's aggregate (the primary key on job and chunk makes
 * a second copy a no-op), count it in the job's progress, and decide whether the job's result is now known: every
 * chunk stored, or, for a job with a precision target, the chunks 0 … k stored whose tally first meets the target.
 * The progress update locks the job's row, so when the last chunks finish at the same moment on different workers
 * exactly one of them sees the job counted. It notifies the api's dispatcher that a slot is free.
 *
 * <p>{@link #reduce} then runs outside that transaction: it reads the counted chunks' aggregates one at a time without
 * any lock, merges them, and in a second short transaction writes the result and marks the job COMPLETED. It is
 * idempotent: the worker acknowledges the chunk that counted the job only after the reduce has committed, so a worker
 * that dies in between leaves the chunk to be redelivered, and whoever gets it finds the job counted and reduces it.
 */
@Repository
class ChunkStore {

    /** The channel the api's dispatcher listens on (its {@code ChunkCompletions}). */
    static final String STORED_CHANNEL = "tipoff_chunk_stored";

    /** Chunk aggregates merged at once by the reduce. */
    private static final int REDUCE_BATCH = 64;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    ChunkStore(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * A job as a worker sees it: its status, what to simulate, how it was split into chunks, its precision target
     * (null for none), and how many chunks its result counts once that is known (null before).
     */
    record JobToPlay(JobStatus status, long seed, JobSpec spec, ChunkPlan plan, Double target, Integer resultChunks) {

        /** Whether the chunk is one of this job's, as the api planned it (not a message made up or garbled). */
        boolean plans(ChunkMessage chunk) {
            return plan.plans(chunk);
        }

        /** Still to be worked on: not completed, failed or cancelled. */
        boolean isOpen() {
            return JobStatus.OPEN.contains(status);
        }

        /** Open, with its result's chunks all stored: only the reduce is left. */
        boolean isCounted() {
            return isOpen() && resultChunks != null;
        }
    }

    /** What became of a stored chunk. */
    enum Saved {
        /** Counted in the job's progress. */
        COUNTED,
        /** Counted, and the job's result is now known: it is to be reduced. */
        COUNTED_JOB,
        /** Another delivery of this chunk was stored first; nothing changed. */
        DUPLICATE,
        /** The job was cancelled, failed or counted meanwhile; nothing changed. */
        JOB_CLOSED
    }

    Optional<JobToPlay> find(UUID jobId) {
        return jdbc.sql("""
                        select status, seed, spec, simulations, chunk_size, chunks, target_std_error, result_chunks
                        from jobs where id = :id""")
                .param("id", jobId)
                .query((rs, n) -> new JobToPlay(JobStatus.valueOf(rs.getString("status")), rs.getLong("seed"),
                        json.readValue(rs.getString("spec"), JobSpec.class),
                        new ChunkPlan(rs.getLong("simulations"), rs.getInt("chunk_size"), rs.getInt("chunks")),
                        (Double) rs.getObject("target_std_error"), (Integer) rs.getObject("result_chunks")))
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
                        where id = :id and status in (:from)""")
                .param("id", jobId)
                .param("error", error)
                .param("from", JobStatus.namesMovableTo(JobStatus.FAILED))
                .update();
    }

    boolean isStored(ChunkMessage chunk) {
        return jdbc.sql("select exists (select 1 from chunk_results where job_id = :id and chunk_index = :chunk)")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .query(Boolean.class)
                .single();
    }

    /** Stores a chunk's aggregate once and counts it; {@code tally} is its tally when the job has a target, else null. */
    @Transactional
    Saved save(ChunkMessage chunk, Object aggregate, Tally tally, long elapsedMillis) {
        int inserted = jdbc.sql("""
                        insert into chunk_results (job_id, chunk_index, first_game, games, aggregate, worker, elapsed_ms,
                                                   tally)
                        values (:id, :chunk, :firstGame, :games, cast(:aggregate as jsonb), :worker, :elapsed,
                                cast(:tally as bigint[]))
                        on conflict (job_id, chunk_index) do nothing""")
                .param("id", chunk.jobId())
                .param("chunk", chunk.chunkIndex())
                .param("firstGame", chunk.firstGame())
                .param("games", chunk.games())
                .param("aggregate", json.writeValueAsString(aggregate))
                .param("worker", worker)
                .param("elapsed", (int) Math.min(Integer.MAX_VALUE, elapsedMillis))
                .param("tally", tally == null ? null : arrayLiteral(tally.successes()))
                .update();
        if (inserted == 0) {
            return Saved.DUPLICATE;
        }
        Optional<Progress> progress = jdbc.sql("""
                        update jobs set
                            chunks_completed = chunks_completed + 1,
                            simulations_completed = simulations_completed + :games,
                            status = 'RUNNING',
                            started_at = coalesce(started_at, clock_timestamp())
                        where id = :id and status in (:open) and result_chunks is null
                        returning simulations, chunk_size, chunks, chunks_completed, target_std_error, prefix_chunks,
                                  prefix_counts""")
                .param("id", chunk.jobId())
                .param("games", chunk.games())
                .param("open", JobStatus.OPEN_NAMES)
                .query(ChunkStore::progress)
                .optional();
        if (progress.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Saved.JOB_CLOSED;
        }
        jdbc.sql("select pg_notify(:channel, '')").param("channel", STORED_CHANNEL).query().listOfRows();
        Progress job = progress.get();
        if (job.target() == null) {
            return job.stored() == job.plan().chunks() ? counted(chunk.jobId(), job.plan().chunks(), "CAP_REACHED")
                    : Saved.COUNTED;
        }
        return advancePrefix(chunk.jobId(), job);
    }

    /** The job's row as the store's progress update returns it. */
    private record Progress(ChunkPlan plan, int stored, Double target, int prefixChunks, long[] prefixCounts) {
    }

    private static Progress progress(ResultSet rs, int row) throws SQLException {
        Array counts = rs.getArray("prefix_counts");
        return new Progress(new ChunkPlan(rs.getLong("simulations"), rs.getInt("chunk_size"), rs.getInt("chunks")),
                rs.getInt("chunks_completed"), (Double) rs.getObject("target_std_error"), rs.getInt("prefix_chunks"),
                counts == null ? null : longs(counts));
    }

    /**
     * A job with a precision target: adds every stored chunk that now continues the prefix 0 … k − 1, in index order,
     * and stops at the first prefix whose tally meets the target. Deciding on the prefix in index order, never on the
     * order chunks happened to finish, makes the result the same whatever the workers, threads and redeliveries.
     */
    private Saved advancePrefix(UUID jobId, Progress job) {
        int prefix = job.prefixChunks();
        Tally tally = job.prefixCounts() == null ? null : new Tally(job.plan().simulationsIn(prefix), job.prefixCounts());
        String stop = null;
        while (prefix < job.plan().chunks() && stop == null) {
            Optional<long[]> next = jdbc.sql("""
                            select tally from chunk_results where job_id = :id and chunk_index = :chunk""")
                    .param("id", jobId)
                    .param("chunk", prefix)
                    .query((rs, n) -> longs(rs.getArray("tally")))
                    .optional();
            if (next.isEmpty()) {
                break;
            }
            long trials = job.plan().simulationsIn(prefix + 1) - job.plan().simulationsIn(prefix);
            Tally chunk = new Tally(trials, next.get());
            tally = tally == null ? chunk : tally.plus(chunk);
            prefix++;
            if (tally.maxStdError() <= job.target()) {
                stop = "TARGET_MET";
            } else if (prefix == job.plan().chunks()) {
                stop = "CAP_REACHED";
            }
        }
        jdbc.sql("""
                        update jobs set prefix_chunks = :prefix, prefix_counts = cast(:counts as bigint[])
                        where id = :id""")
                .param("id", jobId)
                .param("prefix", prefix)
                .param("counts", tally == null ? null : arrayLiteral(tally.successes()))
                .update();
        return stop == null ? Saved.COUNTED : counted(jobId, prefix, stop);
    }

    /** The job's result is known: it counts chunks 0 … {@code chunks} − 1; dispatch stops, the reduce comes next. */
    private Saved counted(UUID jobId, int chunks, String reason) {
        jdbc.sql("update jobs set result_chunks = :chunks, stop_reason = :reason where id = :id")
                .param("id", jobId)
                .param("chunks", chunks)
                .param("reason", reason)
                .update();
        return Saved.COUNTED_JOB;
    }

    /**
     * Where results are reduced: the counted chunks' aggregates merged into the job's result row, the job marked
     * COMPLETED. Does nothing for a job that is not counted or already completed (a redelivery, a second worker).
     */
    void reduce(UUID jobId) {
        Optional<JobToPlay> job = find(jobId);
        if (job.isEmpty() || !job.get().isCounted()) {
            return;
        }
        reduce(job.get(), jobId, JobModel.of(job.get().spec()));
    }

    private <A> void reduce(JobToPlay job, UUID jobId, Simulation<A> simulation) {
        // A batch of chunks at a time, in a transaction (the fetch size needs one) that locks nothing: a job of
        // 100,000 chunks never holds all their aggregates in memory at once, nor its row while they are merged, and
        // each batch is added into the total at once (mergeAll) rather than copying the growing total per chunk.
        AtomicReference<A> total = new AtomicReference<>();
        List<A> batch = new ArrayList<>(REDUCE_BATCH);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        select aggregate from chunk_results where job_id = :id and chunk_index < :chunks
                        order by chunk_index""")
                .param("id", jobId)
                .param("chunks", job.resultChunks())
                .query(rs -> {
                    batch.add(json.readValue(rs.getString("aggregate"), simulation.aggregateType()));
                    if (batch.size() == REDUCE_BATCH) {
                        addBatch(simulation, total, batch);
                    }
                }));
        addBatch(simulation, total, batch);
        String result = json.writeValueAsString(simulation.result(total.get()));
        String aggregate = json.writeValueAsString(total.get());
        transactions.executeWithoutResult(status -> {
            int completed = jdbc.sql("""
                            update jobs set status = 'COMPLETED', completed_at = clock_timestamp(),
                                chunks_completed = result_chunks, simulations_completed = :simulations
                            where id = :id and status in (:from) and result_chunks = :chunks""")
                    .param("id", jobId)
                    .param("chunks", job.resultChunks())
                    .param("simulations", job.plan().simulationsIn(job.resultChunks()))
                    .param("from", JobStatus.namesMovableTo(JobStatus.COMPLETED))
                    .update();
            if (completed == 1) {
                jdbc.sql("""
                                insert into job_results (job_id, result, aggregate)
                                values (:id, cast(:result as json), cast(:aggregate as jsonb))""")
                        .param("id", jobId)
                        .param("result", result)
                        .param("aggregate", aggregate)
                        .update();
            }
        });
    }

    private static <A> void addBatch(Simulation<A> simulation, AtomicReference<A> total, List<A> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (total.get() != null) {
            batch.add(0, total.get());
        }
        total.set(simulation.mergeAll(batch));
        batch.clear();
    }

    private static String arrayLiteral(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }
}
