package io.tipoff.api.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tipoff.api.dispatch.QueueDepth;
import io.tipoff.messaging.ChunkTopology;
import io.tipoff.messaging.Lane;
import io.tipoff.model.JobStatus;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The api's Prometheus series: {@code tipoff_jobs{status}} from the database, and from the broker
 * {@code tipoff_queue_messages{queue}} (chunks ready in the chunk queue, and in the dead-letter queue) and
 * {@code tipoff_queue_consumers{queue}}. Each source is asked at most once per {@link #FRESH}, however many gauges read
 * it and however often Prometheus scrapes; a source that cannot be read gives no value (NaN) rather than a stale one.
 */
@Component
class JobMetrics implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(2);

    private final ChunkTopology topology;
    private final Cached<Map<JobStatus, Long>> jobs;
    private final Cached<QueueDepth.QueueView> queue;

    JobMetrics(JobRepository jobs, QueueDepth queue, ChunkTopology topology) {
        this.topology = topology;
        this.jobs = new Cached<>(jobs::countByStatus);
        this.queue = new Cached<>(queue::read);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("tipoff.jobs", () -> jobs.read(counts -> counts.getOrDefault(status, 0L)))
                    .description("Jobs in each status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (Lane lane : Lane.values()) {
            String name = topology.queue(lane);
            queueMessages(registry, name, view -> view.lane(lane).chunksReady());
            Gauge.builder("tipoff.queue.consumers", () -> queue.read(view -> view.lane(lane).consumers()))
                    .description("Consumers of a chunk queue (per worker process: two on the batch lane, one on the "
                            + "interactive lane, by default)")
                    .tag("queue", name)
                    .register(registry);
        }
        queueMessages(registry, topology.deadLetterQueue(), QueueDepth.QueueView::deadLetters);
    }

    private void queueMessages(MeterRegistry registry, String name, Function<QueueDepth.QueueView, Number> count) {
        Gauge.builder("tipoff.queue.messages", () -> queue.read(count))
                .description("Messages ready in a queue: chunks waiting for a worker, or set aside")
                .tag("queue", name)
                .register(registry);
    }

    /** A value read at most once per {@link #FRESH}; null while its source fails. */
    private static final class Cached<T> {

        private final Supplier<T> source;
        private T value;
        private long readAt;
        private boolean read;

        Cached(Supplier<T> source) {
            this.source = source;
        }

        synchronized Number read(Function<T, Number> part) {
            long now = System.nanoTime();
            if (!read || now - readAt > FRESH.toNanos()) {
                try {
                    value = source.get();
                } catch (RuntimeException e) {
                    value = null; // the database or the broker is down: say nothing rather than something old
                }
                readAt = now;
                read = true;
            }
            return value == null ? null : part.apply(value);
        }
    }
}
