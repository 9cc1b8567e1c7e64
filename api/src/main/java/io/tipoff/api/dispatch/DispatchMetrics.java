package io.tipoff.api.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tipoff.messaging.Lane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What dispatch shows Prometheus, from each round's view of the open jobs:
 * {@code tipoff_dispatch_backlog_chunks{lane}} (chunks of open jobs not yet stored: what KEDA scales workers on, since
 * the window keeps the queue itself short), {@code tipoff_key_games{key,state}} (each key's games in flight and still
 * queued), and {@code tipoff_dispatch_wait_seconds{lane}} (from a job's acceptance to its first chunk's release: the
 * dispatch lag a user sees).
 */
@Component
class DispatchMetrics implements MeterBinder {

    /** A key's open work, for the gauges and {@code GET /api/v1/queue}. */
    record KeyShare(String key, int jobs, int chunksInFlight, long gamesInFlight, long gamesQueued) {
    }

    private volatile Map<Lane, Long> backlog = new EnumMap<>(Lane.class);
    private MeterRegistry registry;
    private MultiGauge keyGames;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (Lane lane : Lane.values()) {
            Gauge.builder("tipoff.dispatch.backlog.chunks", () -> backlog.getOrDefault(lane, 0L))
                    .description("Chunks of open jobs not yet stored: released or still to be released")
                    .tag("lane", lane.name())
                    .register(registry);
        }
        keyGames = MultiGauge.builder("tipoff.key.games")
                .description("Games of each API key's open jobs, in flight (released, not stored) or queued")
                .register(registry);
    }

    /** Each key with open jobs: its jobs, chunks and games in flight, games queued; keys in name order. */
    static List<KeyShare> shares(List<ChunkOutbox.OpenJob> open) {
        Map<String, KeyShare> byKey = new TreeMap<>();
        for (ChunkOutbox.OpenJob job : open) {
            byKey.merge(job.key(), new KeyShare(job.key(), 1, job.inFlight(), job.gamesInFlight(), job.gamesQueued()),
                    (a, b) -> new KeyShare(a.key(), a.jobs() + b.jobs(), a.chunksInFlight() + b.chunksInFlight(),
                            a.gamesInFlight() + b.gamesInFlight(), a.gamesQueued() + b.gamesQueued()));
        }
        return List.copyOf(byKey.values());
    }

    void observe(List<ChunkOutbox.OpenJob> open) {
        Map<Lane, Long> chunks = new EnumMap<>(Lane.class);
        for (ChunkOutbox.OpenJob job : open) {
            chunks.merge(job.lane(), (long) job.inFlight() + job.remaining(), Long::sum);
        }
        backlog = chunks;
        List<KeyShare> keys = shares(open);
        if (keyGames != null) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (KeyShare share : keys) {
                rows.add(MultiGauge.Row.of(Tags.of("key", share.key(), "state", "in_flight"), share.gamesInFlight()));
                rows.add(MultiGauge.Row.of(Tags.of("key", share.key(), "state", "queued"), share.gamesQueued()));
            }
            keyGames.register(rows, true);
        }
    }

    void firstRelease(Lane lane, Duration wait) {
        if (registry != null) {
            Timer.builder("tipoff.dispatch.wait")
                    .description("From a job's acceptance to the release of its first chunk")
                    .tag("lane", lane.name())
                    .register(registry)
                    .record(wait);
        }
    }
}
