package io.tipoff.worker.chunk;

import io.tipoff.engine.ParallelSimulation;
import io.tipoff.engine.Simulation;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.worker.config.WorkerProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Where a chunk is simulated. The recipe: name the job and chunk in the logging context; skip the chunk if its job is
 * gone or finished or the chunk is already stored (a redelivery); play its games on the simulation pool; store the
 * aggregate once, which completes the job when it is the last chunk; then, and only then, acknowledge the delivery. A
 * chunk that fails goes back to the queue.
 */
@Component
class ChunkProcessor {

    private static final Logger log = LoggerFactory.getLogger(ChunkProcessor.class);

    private final ChunkStore store;
    private final SimulationCache simulations;
    private final ExecutorService simulationPool;
    private final int threads;
    private final int maxAttempts;
    private final DatabaseRetry database;
    private final ChunkMetrics metrics;

    ChunkProcessor(ChunkStore store, SimulationCache simulations, ExecutorService simulationPool,
                   WorkerProperties properties, ChunkMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.maxAttempts = properties.worker().maxAttempts();
        this.database = new DatabaseRetry(properties.worker().databaseRetryFor());
        this.simulations = simulations;
        this.simulationPool = simulationPool;
        this.threads = properties.worker().effectiveThreads();
    }

    void process(ChunkMessage chunk, Delivery delivery) {
        MDC.put("jobId", chunk.jobId().toString());
        MDC.put("chunk", Integer.toString(chunk.chunkIndex()));
        if (delivery.isRedelivery()) {
            metrics.redelivered();
        }
        try {
            ChunkMetrics.Outcome outcome = simulateAndStore(chunk);
            delivery.ack();
            if (outcome != ChunkMetrics.Outcome.STORED) {
                metrics.outcome(outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Chunk {} interrupted (shutting down); back to the queue", chunk.chunkIndex());
            delivery.retry();
            metrics.outcome(ChunkMetrics.Outcome.RETRIED);
        } catch (DatabaseUnavailableException e) {
            log.warn("Chunk {}: database still unreachable; back to the queue", chunk.chunkIndex());
            delivery.retry();
            metrics.outcome(ChunkMetrics.Outcome.RETRIED);
        } catch (RuntimeException e) {
            failed(chunk, delivery, e);
        } finally {
            MDC.remove("jobId");
            MDC.remove("chunk");
        }
    }

    /**
     * A chunk that failed for a reason other than the database: back to the queue for another try, up to
     * {@code maxAttempts} deliveries; then it fails the same way every time, so it is set aside in the dead-letter
     * queue with the exception in its headers and its job fails with a readable error instead of waiting forever.
     */
    private void failed(ChunkMessage chunk, Delivery delivery, RuntimeException e) {
        long attempts = delivery.earlierDeliveries() + 1;
        if (attempts < maxAttempts) {
            log.warn("Chunk {} failed (attempt {} of {}); back to the queue: {}", chunk.chunkIndex(), attempts,
                    maxAttempts, e.toString(), e);
            pause(Duration.ofMillis(Math.min(5_000, 1_000 * attempts)));
            delivery.retry();
            metrics.outcome(ChunkMetrics.Outcome.RETRIED);
            return;
        }
        log.error("Chunk {} failed {} times; dead-lettered, job failed: {}", chunk.chunkIndex(), attempts,
                e.toString(), e);
        delivery.deadLetter(e, attempts);
        metrics.outcome(ChunkMetrics.Outcome.DEAD_LETTERED);
        metrics.deadLettered("failed");
        try {
            database.retrying(() -> store.fail(chunk.jobId(), "chunk " + chunk.chunkIndex() + " failed " + attempts
                    + " times: " + e));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ChunkMetrics.Outcome simulateAndStore(ChunkMessage chunk) throws InterruptedException {
        Optional<ChunkStore.RunnableJob> job = database.retrying(() -> store.start(chunk.jobId()));
        if (job.isEmpty()) {
            log.info("Dropping chunk {}: its job is finished or unknown", chunk.chunkIndex());
            return ChunkMetrics.Outcome.DROPPED;
        }
        if (database.retrying(() -> store.isStored(chunk))) {
            log.info("Chunk {} was already stored; redelivery ignored", chunk.chunkIndex());
            return ChunkMetrics.Outcome.DUPLICATE;
        }
        long start = System.nanoTime();
        Simulation<?> simulation = simulations.of(chunk.jobId(), job.get().spec());
        Object aggregate = ParallelSimulation.run(simulationPool, threads, simulation, job.get().seed(),
                chunk.firstGame(), chunk.games());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        ChunkStore.Saved saved = database.retrying(() -> store.save(chunk, aggregate, elapsedMillis));
        log.info("Chunk {}: {} simulations in {} ms on {} threads: {}", chunk.chunkIndex(), chunk.games(),
                elapsedMillis, threads, saved);
        return switch (saved) {
            case COUNTED, COMPLETED_JOB -> {
                metrics.simulated(job.get().spec().type(), chunk.games(), Duration.ofNanos(System.nanoTime() - start));
                yield ChunkMetrics.Outcome.STORED;
            }
            case DUPLICATE -> ChunkMetrics.Outcome.DUPLICATE;
            case JOB_CLOSED -> ChunkMetrics.Outcome.DROPPED;
        };
    }
}
