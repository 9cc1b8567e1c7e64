package io.tipoff.api.job;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.messaging.ChunkTopology;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds jobs whose chunks stopped arriving and sends their missing chunks again. A chunk can get lost after it was
 * confirmed: the queue purged by an operator, a message dropped by a broker that lost its disk, a chunk dead-lettered
 * by the broker after a worker crashed on it every time. Such a job would wait forever.
 *
 * <p>A job is stalled when all its chunks were sent, none was stored for {@code tipoff.jobs.reconcile-after}, and the
 * chunk queue has nothing ready: its missing chunks are not waiting behind other work. (A chunk held by a worker that
 * hangs comes back to the queue once the broker gives up on the worker's connection; sending it again meanwhile only
 * costs the duplicate work, which is counted once.) A chunk already sent {@code tipoff.jobs.max-sends} times fails its
 * job instead: something about it keeps it from completing.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final ChunkOutbox outbox;
    private final JobRepository jobs;
    private final AmqpAdmin admin;
    private final ChunkTopology topology;
    private final TransactionTemplate transactions;
    private final OutboxRelay relay;
    private final Duration quiet;
    private final int maxSends;

    Reconciler(ChunkOutbox outbox, JobRepository jobs, AmqpAdmin admin, ChunkTopology topology,
               TransactionTemplate transactions, OutboxRelay relay, ApiProperties properties) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.admin = admin;
        this.topology = topology;
        this.transactions = transactions;
        this.relay = relay;
        this.quiet = properties.jobs().reconcileAfter();
        this.maxSends = properties.jobs().maxSends();
    }

    @Scheduled(fixedDelayString = "${tipoff.jobs.reconcile-check:10s}")
    void reconcile() {
        try {
            QueueInformation queue = admin.getQueueInfo(topology.queue());
            if (queue == null || queue.getMessageCount() > 0) {
                return;
            }
        } catch (AmqpException e) {
            return; // the broker is away: nothing can be judged lost, or sent, now
        }
        Integer resent = transactions.execute(status -> resendLost());
        if (resent != null && resent > 0) {
            relay.wake();
        }
    }

    private int resendLost() {
        List<ChunkOutbox.LostChunk> lost = outbox.lost(quiet);
        int resent = 0;
        UUID failed = null;
        for (ChunkOutbox.LostChunk chunk : lost) {
            if (chunk.jobId().equals(failed)) {
                continue;
            }
            try (MDC.MDCCloseable job = MDC.putCloseable("jobId", chunk.jobId().toString());
                 MDC.MDCCloseable index = MDC.putCloseable("chunk", Integer.toString(chunk.chunkIndex()))) {
                if (chunk.sends() >= maxSends) {
                    failed = chunk.jobId();
                    jobs.fail(chunk.jobId(), "chunk " + chunk.chunkIndex() + " was sent " + chunk.sends()
                            + " times and never completed");
                    log.warn("Job {} failed: chunk {} sent {} times and never completed", chunk.jobId(),
                            chunk.chunkIndex(), chunk.sends());
                    continue;
                }
                outbox.resend(chunk);
                resent++;
                log.info("Job {}: chunk {} never completed; sending it again", chunk.jobId(), chunk.chunkIndex());
            }
        }
        return resent;
    }
}
