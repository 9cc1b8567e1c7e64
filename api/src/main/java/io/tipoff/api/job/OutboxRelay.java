package io.tipoff.api.job;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox. In one database transaction it takes a batch of pending chunks (locked, so two api instances
 * never send the same rows at once), publishes each as a persistent, mandatory message with its own correlation, waits
 * for the broker's confirms, and marks sent only the chunks that were confirmed and not returned as unroutable; the
 * rest stay pending for the next round. It runs right after a job is accepted ({@link #wake()}) and every
 * {@code tipoff.jobs.relay-interval}, so chunks left unsent by a broker outage or an api restart go out as soon as
 * the broker is back.
 */
@Component
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Chunks per transaction: enough to publish a large job quickly, few enough to keep row locks short. */
    static final int BATCH = 1_000;

    private final ChunkOutbox outbox;
    private final RabbitTemplate rabbit;
    private final ChunkTopology topology;
    private final TransactionTemplate transactions;
    private final long confirmTimeoutMillis;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final boolean enabled;
    private volatile boolean failing;

    OutboxRelay(ChunkOutbox outbox, RabbitTemplate rabbit, ChunkTopology topology, TransactionTemplate transactions,
                ApiProperties properties) {
        this.outbox = outbox;
        this.rabbit = rabbit;
        this.topology = topology;
        this.transactions = transactions;
        this.confirmTimeoutMillis = properties.jobs().publishTimeout().toMillis();
        this.enabled = properties.jobs().relayEnabled();
        if (!enabled) {
            log.warn("Outbox relay off (tipoff.jobs.relay-enabled=false): this api publishes no chunks; jobs it "
                    + "accepts wait for another api's relay");
        }
    }

    /** Asks for a round soon; rounds never overlap, and a wake during a round asks for one more. */
    void wake() {
        if (enabled && queued.compareAndSet(false, true)) {
            runner.execute(this::relay);
        }
    }

    @Scheduled(fixedDelayString = "${tipoff.jobs.relay-interval:1s}")
    void poll() {
        wake();
    }

    private void relay() {
        queued.set(false);
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

    /** Says so once per outage, not every relay interval. */
    private void notPublished(String why) {
        if (!failing) {
            log.warn("Chunks not published, will retry every relay interval: {}", why);
            failing = true;
        }
    }

    /** One transaction's work: chunks taken from the outbox, and how many of them the broker confirmed. */
    private record Round(int taken, int confirmed) {
    }

    /** Publishes one batch and marks what the broker confirmed (the rest stays pending). */
    private Round publishBatch() {
        List<ChunkMessage> chunks = outbox.takePending(BATCH);
        if (chunks.isEmpty()) {
            return new Round(0, 0);
        }
        List<CorrelationData> confirms = new ArrayList<>(chunks.size());
        for (ChunkMessage chunk : chunks) {
            CorrelationData correlation = new CorrelationData(chunk.jobId() + "/" + chunk.chunkIndex());
            rabbit.convertAndSend(topology.exchange(), topology.routingKey(), chunk, correlation);
            confirms.add(correlation);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(confirmTimeoutMillis);
        int confirmed = 0;
        for (int i = 0; i < chunks.size(); i++) {
            if (isConfirmed(confirms.get(i), deadline)) {
                outbox.markSent(chunks.get(i));
                confirmed++;
            }
        }
        outbox.markPublished(chunks.stream().map(ChunkMessage::jobId).distinct().toList());
        return new Round(chunks.size(), confirmed);
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

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
