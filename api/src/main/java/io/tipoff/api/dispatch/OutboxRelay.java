package io.tipoff.api.dispatch;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.trace.JobTrace;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the released chunks. In one database transaction it takes a batch of pending chunks (locked, so two api
 * instances never send the same rows at once), publishes each to its lane's queue as a persistent, mandatory message
 * with its own correlation, waits for the broker's confirms, and marks sent only the chunks that were confirmed and not
 * returned as unroutable; the rest stay pending for the next round. The {@link Dispatcher} runs it after each of its
 * rounds, so chunks left unsent by a broker outage or an api restart go out as soon as the broker is back.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Chunks per transaction: enough to publish a large job quickly, few enough to keep row locks short. */
    static final int BATCH = 1_000;

    private final ChunkOutbox outbox;
    private final RabbitTemplate rabbit;
    private final ChunkTopology topology;
    private final TransactionTemplate transactions;
    private final JobTrace trace;
    private final long confirmTimeoutMillis;
    private volatile boolean failing;

    OutboxRelay(ChunkOutbox outbox, RabbitTemplate rabbit, ChunkTopology topology, TransactionTemplate transactions,
                ApiProperties properties, JobTrace trace) {
        this.outbox = outbox;
        this.trace = trace;
        this.rabbit = rabbit;
        this.topology = topology;
        this.transactions = transactions;
        this.confirmTimeoutMillis = properties.jobs().publishTimeout().toMillis();
    }

    /** Publishes every pending chunk, batch by batch, until the outbox is empty or the broker stops confirming. */
    void publishPending() {
        try {
            Round round;
            do {
                round = transactions.execute(status -> publishBatch());
            } while (round != null && round.taken() == BATCH && round.confirmed() == round.taken());
            if (round != null && round.confirmed() < round.taken()) {
                notPublished((round.taken() - round.confirmed()) + " of " + round.taken()
                        + " chunks not confirmed by the broker");
            } else if (failing) {
                log.info("Publishing chunks again: the broker confirms them");
                failing = false;
            }
        } catch (RuntimeException e) {
            notPublished(e.toString());
        }
    }

    /** Says so once per outage, not every round. */
    private void notPublished(String why) {
        if (!failing) {
            log.warn("Chunks not published, will retry every dispatch interval: {}", why);
            failing = true;
        }
    }

    /** One transaction's work: chunks taken from the outbox, and how many of them the broker confirmed. */
    private record Round(int taken, int confirmed) {
    }

    /** Publishes one batch and marks what the broker confirmed (the rest stays pending). */
    private Round publishBatch() {
        List<ChunkOutbox.Pending> pending = outbox.takePending(BATCH);
        if (pending.isEmpty()) {
            return new Round(0, 0);
        }
        List<CorrelationData> confirms = new ArrayList<>(pending.size());
        for (ChunkOutbox.Pending each : pending) {
            ChunkMessage chunk = each.chunk();
            CorrelationData correlation = new CorrelationData(chunk.jobId() + "/" + chunk.chunkIndex());
            // In the submission's trace, when it was traced: the message's headers carry it on to the worker.
            trace.continuing(each.traceParent(), "tipoff chunk publish", Map.of("tipoff.job", chunk.jobId().toString(),
                            "tipoff.chunk", Integer.toString(chunk.chunkIndex())),
                    () -> rabbit.convertAndSend(topology.exchange(), topology.routingKey(each.lane()), chunk,
                            correlation));
            confirms.add(correlation);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(confirmTimeoutMillis);
        int confirmed = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (isConfirmed(confirms.get(i), deadline)) {
                outbox.markSent(pending.get(i).chunk());
                confirmed++;
            }
        }
        outbox.markPublished(pending.stream().map(p -> p.chunk().jobId()).distinct().toList());
        return new Round(pending.size(), confirmed);
    }

    private boolean isConfirmed(CorrelationData correlation, long deadline) {
        try {
            long wait = Math.max(0, deadline - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(wait, TimeUnit.NANOSECONDS);
            if (correlation.getReturned() != null) {
                String[] jobAndChunk = correlation.getId().split("/");
                try (MDC.MDCCloseable job = MDC.putCloseable("jobId", jobAndChunk[0]);
                     MDC.MDCCloseable chunk = MDC.putCloseable("chunk", jobAndChunk[1])) {
                    log.error("Chunk {} returned by the broker as unroutable: is the chunk queue bound to exchange {}?",
                            correlation.getId(), topology.exchange());
                }
                return false;
            }
            return confirm.ack();
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
