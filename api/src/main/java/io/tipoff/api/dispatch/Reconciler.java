package io.tipoff.api.dispatch;

import io.tipoff.api.config.ApiProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds chunks that got lost and sends them again. A chunk can get lost after it was confirmed: the queue purged by an
 * operator, a message dropped by a broker that lost its disk, a chunk dead-lettered by the broker after a worker
 * crashed on it every time. Its job would wait forever, and the chunk would hold a slot of the dispatch window.
 *
 * <p>A chunk is lost when it was sent {@code tipoff.jobs.reconcile-after} ago or more, is not stored, and its job has
 * stored no chunk for as long. The dispatch window keeps the queues short, so a chunk never waits that long behind
 * other work: it is judged by its own age, however busy the queues are. (A chunk held by a worker that hangs comes
 * back to the queue once the broker gives up on the worker's connection; sending it again meanwhile only costs the
 * duplicate work, which is counted once.) Nothing is judged while no worker consumes the lanes: chunks then wait
 * for workers, they are not lost. A chunk already sent {@code tipoff.jobs.max-sends} times fails its job instead.
 * One api instance reconciles at a time (an advisory lock; the others skip the round).
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** The second half of this round's advisory lock (the first is the dispatch lock's class). */
    private static final int RECONCILE_LOCK = 1;

    private final ChunkOutbox outbox;
    private final QueueDepth queues;
    private final TransactionTemplate transactions;
    private final Dispatcher dispatcher;
    private final Duration quiet;
    private final int maxSends;

    Reconciler(ChunkOutbox outbox, QueueDepth queues, TransactionTemplate transactions, Dispatcher dispatcher,
               ApiProperties properties) {
        this.outbox = outbox;
        this.queues = queues;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.quiet = properties.jobs().reconcileAfter();
        this.maxSends = properties.jobs().maxSends();
    }

    @Scheduled(fixedDelayString = "${tipoff.jobs.reconcile-check:10s}")
    void reconcile() {
        try {
            if (queues.read().lanes().stream().allMatch(lane -> lane.consumers() == 0)) {
                return;
            }
        } catch (AmqpException e) {
            return; // the broker is away: nothing can be judged lost, or sent, now
        }
        Integer resent = transactions.execute(status -> outbox.tryLock(RECONCILE_LOCK) ? resendLost() : 0);
        if (resent != null && resent > 0) {
            dispatcher.wake();
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
                    outbox.fail(chunk.jobId(), "chunk " + chunk.chunkIndex() + " was sent " + chunk.sends()
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
