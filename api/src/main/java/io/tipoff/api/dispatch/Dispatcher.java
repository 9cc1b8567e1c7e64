package io.tipoff.api.dispatch;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.messaging.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where chunks are dispatched (docs/SCHEDULING.md). Accepting a job stores it and nothing else; a dispatch round
 * releases chunks into the outbox only while a lane has fewer chunks in flight (released, not yet stored) than its
 * window, {@code tipoff.jobs.window-per-consumer} per consumer RabbitMQ reports on the lane's queue: enough that every
 * worker has one chunk in hand and the next one waiting, and no more, so work that arrives later is never stuck behind
 * a backlog in the broker. {@link FairShare} decides whose chunks fill the free slots. Then the {@link OutboxRelay}
 * publishes what was released.
 *
 * <p>A round runs when a job is accepted or cancelled, when a worker stores a chunk ({@link ChunkCompletions}), and
 * every {@code tipoff.jobs.dispatch-interval}. Rounds of one api never overlap; rounds of several api instances take
 * turns under a PostgreSQL advisory lock, so the window holds however many apis dispatch. The release and the job's
 * {@code next_chunk} are written in one transaction, so an api killed mid-round releases nothing twice and loses
 * nothing: the next round, on any api, goes on from the stored state.
 */
@Component
public class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ChunkOutbox outbox;
    private final OutboxRelay relay;
    private final QueueDepth queues;
    private final TransactionTemplate transactions;
    private final DispatchMetrics metrics;
    private final boolean enabled;
    private final int windowPerConsumer;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "dispatcher"));
    private final AtomicBoolean queued = new AtomicBoolean();

    Dispatcher(ChunkOutbox outbox, OutboxRelay relay, QueueDepth queues, TransactionTemplate transactions,
               DispatchMetrics metrics, ApiProperties properties) {
        this.outbox = outbox;
        this.relay = relay;
        this.queues = queues;
        this.transactions = transactions;
        this.metrics = metrics;
        this.enabled = properties.jobs().relayEnabled();
        this.windowPerConsumer = properties.jobs().windowPerConsumer();
        if (!enabled) {
            log.warn("Dispatch off (tipoff.jobs.relay-enabled=false): this api releases and publishes no chunks; "
                    + "jobs it accepts wait for another api");
        }
    }

    /** Asks for a round soon; rounds never overlap, and a wake during a round asks for one more. */
    public void wake() {
        if (enabled && queued.compareAndSet(false, true)) {
            runner.execute(this::round);
        }
    }

    @Scheduled(fixedDelayString = "${tipoff.jobs.dispatch-interval:1s}")
    void poll() {
        wake();
    }

    private void round() {
        queued.set(false);
        try {
            transactions.executeWithoutResult(status -> release());
        } catch (RuntimeException e) {
            log.warn("Dispatch round failed; retried at the next one: {}", e.toString());
        }
        relay.publishPending();
    }

    /** One round's decisions, in one transaction under the dispatch lock. */
    private void release() {
        outbox.lockDispatch();
        List<ChunkOutbox.OpenJob> open = outbox.openJobs();
        metrics.observe(open);
        Map<Lane, List<ChunkOutbox.OpenJob>> byLane = open.stream()
                .collect(Collectors.groupingBy(ChunkOutbox.OpenJob::lane));
        byLane.forEach((lane, jobs) -> {
            int inFlight = jobs.stream().mapToInt(ChunkOutbox.OpenJob::inFlight).sum();
            int free = window(lane) - inFlight;
            if (free <= 0 || jobs.stream().allMatch(j -> j.remaining() == 0)) {
                return;
            }
            List<UUID> assigned = FairShare.assign(jobs.stream().map(Dispatcher::policyView).toList(), free);
            Map<UUID, Long> counts = assigned.stream()
                    .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
            Map<UUID, ChunkOutbox.OpenJob> byId = jobs.stream()
                    .collect(Collectors.toMap(ChunkOutbox.OpenJob::id, Function.identity()));
            counts.forEach((id, count) -> {
                ChunkOutbox.OpenJob job = byId.get(id);
                outbox.release(job, count.intValue());
                if (job.released() == 0) {
                    metrics.firstRelease(lane, Duration.between(job.createdAt(), Instant.now()));
                }
            });
        });
    }

    /** The chunks a lane may have in flight: per consumer of its queue, and a few while no worker is there yet. */
    int window(Lane lane) {
        return Math.max(windowPerConsumer, (int) queues.consumers(lane) * windowPerConsumer);
    }

    private static FairShare.Job policyView(ChunkOutbox.OpenJob job) {
        return new FairShare.Job(job.id(), job.key(), job.priority().weight(), job.createdAt(), job.inFlight(),
                job.remaining());
    }

    /**
     * Cancelling stops the job's dispatch at once (a cancelled job is not open) and withdraws its released chunks
     * that are not published yet; its chunks already in the queue are dropped unplayed by the workers.
     */
    public void cancelled(UUID jobId) {
        int withdrawn = outbox.withdrawUnsent(jobId);
        if (withdrawn > 0) {
            log.info("Job {}: {} released chunks withdrawn", jobId, withdrawn);
        }
        wake();
    }

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
