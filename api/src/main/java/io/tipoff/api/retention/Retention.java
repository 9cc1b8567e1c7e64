package io.tipoff.api.retention;

import io.tipoff.api.config.ApiProperties;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what a finished job no longer needs, on a schedule ({@code tipoff.retention.*}): idempotency keys older than
 * their retention (a retry after that makes a new job), and the per-chunk aggregates of jobs finished longer ago than
 * theirs (a completed job's result is reduced and stored in {@code job_results}, which stays; the chunk rows are only
 * what it was reduced from). Jobs and results are never removed here: their owner deletes a job
 * ({@code DELETE /api/v1/jobs/{id}?purge=true}).
 *
 * <p>Several api instances may run; one round runs at a time, under a PostgreSQL advisory lock taken for its
 * transaction (an instance that does not get it skips the round). A round deletes at most
 * {@code batches × batch-size} chunk rows, so that it never holds its locks long; the rest waits for the next round.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** The advisory lock of the retention round: "tipo" and "ret", apart from every other advisory lock. */
    private static final int LOCK_CLASS = 0x7469_706f;
    private static final int LOCK_KEY = 0x0072_6574;
    private static final int BATCHES = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApiProperties.Retention settings;

    Retention(JdbcClient jdbc, TransactionTemplate transactions, ApiProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.retention();
    }

    /** What a round removed; null when another instance held the round. */
    public record Removed(int idempotencyKeys, int chunkResults) {
    }

    @Scheduled(fixedDelayString = "${tipoff.retention.interval:10m}",
            initialDelayString = "${tipoff.retention.interval:10m}")
    void scheduled() {
        try {
            Removed removed = round(Instant.now());
            if (removed != null && (removed.idempotencyKeys() > 0 || removed.chunkResults() > 0)) {
                log.info("Retention: removed {} idempotency keys and {} chunk results of finished jobs",
                        removed.idempotencyKeys(), removed.chunkResults());
            }
        } catch (RuntimeException e) {
            log.warn("Retention round failed, will retry next round: {}", e.toString());
        }
    }

    /** One round as of {@code now}; null when another api instance is running one. */
    public Removed round(Instant now) {
        return transactions.execute(status -> {
            Boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(:lockClass, :lockKey)")
                    .param("lockClass", LOCK_CLASS)
                    .param("lockKey", LOCK_KEY)
                    .query(Boolean.class).single();
            if (!mine) {
                return null;
            }
            int keys = jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                    .param("cutoff", Timestamp.from(now.minus(settings.idempotencyKeys())))
                    .update();
            int chunks = 0;
            for (int batch = 0; batch < BATCHES; batch++) {
                int deleted = deleteChunkResults(Timestamp.from(now.minus(settings.chunkResults())));
                chunks += deleted;
                if (deleted < settings.batchSize()) {
                    break;
                }
            }
            return new Removed(keys, chunks);
        });
    }

    /**
     * Up to a batch of chunk rows of jobs that finished before {@code cutoff}: failed, cancelled, or completed with
     * their result stored. A job still running, or completed but not yet reduced, keeps every row.
     */
    private int deleteChunkResults(Timestamp cutoff) {
        return jdbc.sql("""
                        delete from chunk_results where (job_id, chunk_index) in (
                            select c.job_id, c.chunk_index from chunk_results c join jobs j on j.id = c.job_id
                            where c.created_at < :cutoff and j.completed_at < :cutoff
                              and (j.status in ('FAILED', 'CANCELLED')
                                   or j.status = 'COMPLETED'
                                      and exists (select 1 from job_results r where r.job_id = j.id))
                            limit :batch)""")
                .param("cutoff", cutoff)
                .param("batch", settings.batchSize())
                .update();
    }
}
