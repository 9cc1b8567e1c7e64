package io.tipoff.api.events;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.job.JobNotFoundException;
import io.tipoff.api.job.JobProgress;
import io.tipoff.api.job.JobRepository;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams of {@code GET /api/v1/jobs/{id}/events}. No thread waits per subscriber: one scheduled task reads every
 * subscribed job in one query each {@code tipoff.events.interval} and sends each subscriber what changed, a
 * {@code progress} event while its job is queued or running and a last {@code completed}, {@code failed} or
 * {@code cancelled} event, after which the stream ends. The database is the only source, so the stream shows the same
 * as {@code GET /api/v1/jobs/{id}}, whichever api instance serves it and whichever worker advanced the job.
 */
@Component
class JobEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final JobRepository jobs;
    private final ApiProperties.Events settings;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile boolean failing;

    JobEvents(JobRepository jobs, ApiProperties properties) {
        this.jobs = jobs;
        this.settings = properties.events();
    }

    /** A stream that starts with the job's state now; 404 (a {@link JobNotFoundException}) for an unknown job. */
    SseEmitter subscribe(UUID id) {
        JobProgress now = jobs.progress(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new JobNotFoundException(id));
        Subscriber subscriber = new Subscriber(id, new SseEmitter(settings.timeout().toMillis()));
        SseEmitter emitter = subscriber.emitter;
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        emitter.onTimeout(emitter::complete);
        if (subscriber.update(now)) {
            subscribers.add(subscriber);
            if (!running) {
                emitter.complete();
            }
        }
        return emitter;
    }

    /** One round: the subscribed jobs read at once, each subscriber sent its job's change or a heartbeat. */
    private void poll() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            Map<UUID, JobProgress> now = read();
            for (Subscriber subscriber : subscribers) {
                JobProgress progress = now == null ? null : now.get(subscriber.job);
                if (now != null && progress == null) {
                    // The job is gone (deleted by hand): nothing more will happen to it.
                    subscriber.emitter.complete();
                    subscribers.remove(subscriber);
                } else if (!subscriber.update(progress)) {
                    subscribers.remove(subscriber);
                }
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next round starts afresh.
            log.warn("Job events round failed: {}", e.toString());
        }
    }

    /** The subscribed jobs, or null when the database cannot be read (subscribers then get heartbeats only). */
    private Map<UUID, JobProgress> read() {
        try {
            Set<UUID> ids = subscribers.stream().map(s -> s.job).collect(Collectors.toSet());
            Map<UUID, JobProgress> now = jobs.progress(ids).stream()
                    .collect(Collectors.toMap(JobProgress::id, Function.identity()));
            if (failing) {
                log.info("Job events resumed: the jobs can be read again");
                failing = false;
            }
            return now;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Job events paused, will retry every {}: {}", settings.interval(), e.toString());
                failing = true;
            }
            return null;
        }
    }

    /** One client's stream of one job, and what it was last sent. */
    private final class Subscriber {

        final UUID job;
        final SseEmitter emitter;
        private JobProgress last;
        private long lastSentNanos = System.nanoTime();

        Subscriber(UUID job, SseEmitter emitter) {
            this.job = job;
            this.emitter = emitter;
        }

        /**
         * Sends {@code progress} if it differs from what was sent last (null: nothing known, a heartbeat if one is
         * due). Returns false once the stream is over: the job finished, or the client went away.
         */
        synchronized boolean update(JobProgress progress) {
            try {
                if (progress != null && !progress.equals(last)) {
                    emitter.send(SseEmitter.event().name(progress.event()).data(progress, MediaType.APPLICATION_JSON));
                    last = progress;
                    lastSentNanos = System.nanoTime();
                    if (progress.status().isFinal()) {
                        emitter.complete();
                        return false;
                    }
                } else if (System.nanoTime() - lastSentNanos >= settings.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSentNanos = System.nanoTime();
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                // The client went away (or the stream already ended): the container completes the request.
                return false;
            }
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "job-events"));
        long interval = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public synchronized void stop() {
        running = false;
        scheduler.shutdownNow();
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
