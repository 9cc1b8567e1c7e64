package io.tipoff.worker.chunk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tipoff.model.JobType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.stereotype.Component;

/**
 * The worker's Prometheus series, all named {@code tipoff_*}: what became of each chunk delivery, how long simulated
 * chunks took, how many games were played and how fast, and how many deliveries were redeliveries or were set aside in
 * the dead-letter queue. Counters start at zero with the process; Prometheus's {@code rate()} handles restarts.
 */
@Component
class ChunkMetrics {

    /** The window of {@code tipoff_games_per_second}: long enough to span several chunks of a busy worker. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    /** What became of a delivery, the {@code outcome} of {@code tipoff_chunks_total}. */
    enum Outcome {
        /** Simulated and its aggregate stored (possibly completing its job). */
        STORED,
        /** Already stored by an earlier delivery: acknowledged without playing it again. */
        DUPLICATE,
        /** Its job was finished, cancelled or unknown: acknowledged without playing it. */
        DROPPED,
        /** Handed back to the queue: a failure to try again, a database outage or a shutdown. */
        RETRIED,
        /** Failed every time: set aside in the dead-letter queue, its job failed. */
        DEAD_LETTERED
    }

    private final MeterRegistry registry;
    private final Counter redelivered;
    private final Deque<long[]> recentGames = new ArrayDeque<>();

    ChunkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.redelivered = Counter.builder("tipoff.chunks.redelivered")
                .description("Chunk deliveries that the broker had delivered before (a retry, or a worker that died)")
                .register(registry);
        Gauge.builder("tipoff.games.per.second", this, ChunkMetrics::gamesPerSecond)
                .description("Games simulated per second by this worker over the last " + RATE_WINDOW.toSeconds()
                        + " s")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            outcomes(outcome); // every outcome shows from the start, at zero
        }
        deadLetters("failed");
        deadLetters("unreadable");
        deadLetters("unplanned");
    }

    void simulated(JobType type, long games, Duration took) {
        Timer.builder("tipoff.chunk.duration")
                .description("Time to simulate a chunk and store its aggregate")
                .tag("type", type.name())
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60))
                .register(registry)
                .record(took);
        Counter.builder("tipoff.games")
                .description("Games simulated in stored chunks")
                .tag("type", type.name())
                .register(registry)
                .increment(games);
        synchronized (recentGames) {
            recentGames.addLast(new long[] {System.nanoTime(), games});
        }
        outcomes(Outcome.STORED).increment();
    }

    void outcome(Outcome outcome) {
        outcomes(outcome).increment();
    }

    void redelivered() {
        redelivered.increment();
    }

    /**
     * {@code reason}: {@code failed} (by this worker, after its attempts), {@code unplanned} (by this worker, at once: a
     * message that names a job but is none of its chunks) or {@code unreadable} (by the broker).
     */
    void deadLettered(String reason) {
        deadLetters(reason).increment();
    }

    private Counter outcomes(Outcome outcome) {
        return Counter.builder("tipoff.chunks")
                .description("Chunk deliveries taken by this worker, by what became of them")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    private Counter deadLetters(String reason) {
        return Counter.builder("tipoff.chunks.dead.lettered")
                .description("Chunks this worker set aside in the dead-letter queue")
                .tag("reason", reason)
                .register(registry);
    }

    private double gamesPerSecond() {
        long since = System.nanoTime() - RATE_WINDOW.toNanos();
        long games = 0;
        synchronized (recentGames) {
            while (!recentGames.isEmpty() && recentGames.peekFirst()[0] < since) {
                recentGames.removeFirst();
            }
            for (long[] chunk : recentGames) {
                games += chunk[1];
            }
        }
        return games / (double) RATE_WINDOW.toSeconds();
    }
}
