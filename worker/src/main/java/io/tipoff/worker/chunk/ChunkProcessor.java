package io.tipoff.worker.chunk;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.tipoff.engine.ParallelSimulation;
import io.tipoff.engine.Simulation;
import io.tipoff.engine.Tally;
import io.tipoff.messaging.Lane;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.worker.config.WorkerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Where a chunk is simulated. The recipe: name the job and chunk in the logging context; skip the chunk if its job is
 * gone or finished or the chunk is already stored (a redelivery), but first set it aside if it is not a chunk its job
 * was split into (a message made up or garbled); play its games on the simulation pool; store the aggregate once,
 * which completes the job when it is the last chunk; then, and only then, acknowledge the delivery. A chunk that fails
 * goes back to the queue, and to the dead-letter queue once it has failed {@code tipoff.worker.max-attempts} times.
 */
@Component
class ChunkProcessor {

    private static final Logger log = LoggerFactory.getLogger(ChunkProcessor.class);

    private final ChunkStore store;
    private final SimulationCache simulations;
    private final SlicePool simulationPool;
    private final DeadLetters deadLetters;
    private final ChunkMetrics metrics;
    private final int threads;
    private final int maxAttempts;
    private final int faultyChunk;
    private final boolean exhaustMemory;
    private final DatabaseRetry database;
    private final ObservationRegistry observations;

    ChunkProcessor(ChunkStore store, SimulationCache simulations, SlicePool simulationPool,
                   DeadLetters deadLetters, ChunkMetrics metrics, WorkerProperties properties,
                   ObservationRegistry observations) {
        this.store = store;
        this.observations = observations;
        this.simulations = simulations;
        this.simulationPool = simulationPool;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.threads = properties.worker().effectiveThreads();
        this.maxAttempts = properties.worker().maxAttempts();
        this.faultyChunk = properties.worker().fault().failChunk();
        this.exhaustMemory = properties.worker().fault().exhaustMemory();
        this.database = new DatabaseRetry(properties.worker().databaseRetryFor());
        if (faultyChunk >= 0) {
            log.warn("Test hook on: chunk {} of every job fails on purpose (tipoff.worker.fault.fail-chunk)",
                    faultyChunk);
        }
        if (exhaustMemory) {
            log.warn("Test hook on: every chunk taken fills the heap until it runs out (tipoff.worker.fault"
                    + ".exhaust-memory)");
        }
    }

    void process(ChunkMessage chunk, Delivery delivery, Lane lane) {
        MDC.put("jobId", chunk.jobId().toString());
        MDC.put("chunk", Integer.toString(chunk.chunkIndex()));
        if (delivery.isRedelivery()) {
            metrics.redelivered();
        }
        try {
            ChunkMetrics.Outcome outcome = simulateAndStore(chunk, lane);
            delivery.ack();
            if (outcome != ChunkMetrics.Outcome.STORED) {
                metrics.outcome(outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Chunk {} interrupted (shutting down); back to the queue", chunk.chunkIndex());
            retry(delivery);
        } catch (DatabaseUnavailableException e) {
            log.warn("Chunk {}: database still unreachable; back to the queue", chunk.chunkIndex());
            retry(delivery);
        } catch (NotPlannedException e) {
            log.error("Chunk {} set aside in the dead-letter queue: {}", chunk.chunkIndex(), e.getMessage());
            setAside(delivery, e, delivery.earlierDeliveries() + 1, "unplanned");
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
            retry(delivery);
            return;
        }
        log.error("Chunk {} failed {} times; dead-lettered, job failed: {}", chunk.chunkIndex(), attempts,
                e.toString(), e);
        if (!setAside(delivery, e, attempts, "failed")) {
            return;
        }
        try {
            database.retrying(() -> store.fail(chunk.jobId(), "chunk " + chunk.chunkIndex() + " failed " + attempts
                    + " times: " + e));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(Delivery delivery) {
        delivery.retry();
        metrics.outcome(ChunkMetrics.Outcome.RETRIED);
    }

    /**
     * Moves the delivery to the dead-letter queue: the broker confirms the dead letter, then the delivery is
     * acknowledged. If the broker does not take it, the chunk goes back to its queue to be set aside on a later try.
     */
    private boolean setAside(Delivery delivery, RuntimeException failure, long attempts, String reason) {
        try {
            deadLetters.send(delivery.message(), failure, attempts);
            delivery.ack();
            metrics.outcome(ChunkMetrics.Outcome.DEAD_LETTERED);
            metrics.deadLettered(reason);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not set the chunk aside; back to the queue: {}", e.toString());
        }
        retry(delivery);
        return false;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ChunkMetrics.Outcome simulateAndStore(ChunkMessage chunk, Lane lane) throws InterruptedException {
        // Marked RUNNING first: a job whose chunks are being tried is not one the reconciler should find stalled.
        database.retrying(() -> store.start(chunk.jobId()));
        Optional<ChunkStore.JobToPlay> found = database.retrying(() -> store.find(chunk.jobId()));
        if (found.isEmpty()) {
            log.info("Dropping chunk {}: no such job", chunk.chunkIndex());
            return ChunkMetrics.Outcome.DROPPED;
        }
        ChunkStore.JobToPlay job = found.get();
        if (!job.plans(chunk)) {
            throw new NotPlannedException(chunk, job);
        }
        if (job.isCounted()) {
            // Its result's chunks are all stored; the worker that counted it may have died before reducing.
            reduce(chunk.jobId());
            log.info("Chunk {} not needed: its job is counted", chunk.chunkIndex());
            return ChunkMetrics.Outcome.DUPLICATE;
        }
        if (!job.isOpen()) {
            log.info("Dropping chunk {}: its job is {}", chunk.chunkIndex(), job.status());
            return ChunkMetrics.Outcome.DROPPED;
        }
        if (database.retrying(() -> store.isStored(chunk))) {
            log.info("Chunk {} was already stored; redelivery ignored", chunk.chunkIndex());
            return ChunkMetrics.Outcome.DUPLICATE;
        }
        if (chunk.chunkIndex() == faultyChunk) {
            throw new IllegalStateException("chunk " + faultyChunk
                    + " fails on purpose (test hook tipoff.worker.fault.fail-chunk)");
        }
        log.debug("Chunk {} taken: games {} to {}", chunk.chunkIndex(), chunk.firstGame(),
                chunk.firstGame() + chunk.games() - 1);
        if (exhaustMemory) {
            exhaustMemory();
        }
        long start = System.nanoTime();
        Simulation<?> simulation = simulations.of(chunk.jobId(), job.spec());
        Played played = play(simulation, job, chunk, lane);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        ChunkStore.Saved saved = database.retrying(() -> store.save(chunk, played.aggregate(), played.tally(),
                elapsedMillis));
        if (saved == ChunkStore.Saved.COUNTED_JOB) {
            reduce(chunk.jobId());
        }
        log.info("Chunk {}: {} simulations in {} ms on {} threads ({} lane): {}", chunk.chunkIndex(), chunk.games(),
                elapsedMillis, threads, lane, saved);
        return switch (saved) {
            case COUNTED, COUNTED_JOB -> {
                metrics.simulated(job.spec().type(), chunk.games(), Duration.ofNanos(System.nanoTime() - start));
                yield ChunkMetrics.Outcome.STORED;
            }
            case DUPLICATE -> ChunkMetrics.Outcome.DUPLICATE;
            case JOB_CLOSED -> ChunkMetrics.Outcome.DROPPED;
        };
    }

    /** The test hook {@code tipoff.worker.fault.exhaust-memory}: holds 8 MB blocks until the heap has no more. */
    private static void exhaustMemory() {
        List<long[]> hoard = new ArrayList<>();
        while (hoard.size() < Integer.MAX_VALUE) {
            hoard.add(new long[1 << 20]);
        }
        throw new IllegalStateException("a heap of " + hoard.size() + " blocks of 8 MB");
    }

    /**
     * The job's reduce, observed: a span in the chunk's trace (README, Tracing) and the timer
     * {@code tipoff_job_reduce_seconds}.
     */
    private void reduce(UUID jobId) throws InterruptedException {
        Observation observation = Observation.createNotStarted("tipoff.job.reduce", observations)
                .contextualName("tipoff job reduce")
                .highCardinalityKeyValue("tipoff.job", jobId.toString())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            database.retrying(() -> store.reduce(jobId));
        } catch (RuntimeException | InterruptedException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** A chunk's aggregate, and its tally when the job has a precision target. */
    private record Played(Object aggregate, Tally tally) {
    }

    private <A> Played play(Simulation<A> simulation, ChunkStore.JobToPlay job, ChunkMessage chunk, Lane lane)
            throws InterruptedException {
        A aggregate = ParallelSimulation.run(simulationPool.forChunk(lane), threads, simulation, job.seed(),
                chunk.firstGame(), chunk.games());
        return new Played(aggregate, job.target() == null ? null : simulation.tally(aggregate));
    }

    /** A message that names a job but is not one of the chunks the job was split into: never worth a retry. */
    private static final class NotPlannedException extends RuntimeException {

        NotPlannedException(ChunkMessage chunk, ChunkStore.JobToPlay job) {
            super("not a chunk of its job: " + chunk + ", but the job has " + job.plan().chunks() + " chunks of "
                    + job.plan().chunkSize() + " of its " + job.plan().simulations() + " games");
        }
    }
}
