package io.tipoff.worker.chunk;

import io.tipoff.engine.ParallelSimulation;
import io.tipoff.engine.Simulation;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.worker.config.WorkerProperties;
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

    ChunkProcessor(ChunkStore store, SimulationCache simulations, ExecutorService simulationPool,
                   WorkerProperties properties) {
        this.store = store;
        this.simulations = simulations;
        this.simulationPool = simulationPool;
        this.threads = properties.worker().effectiveThreads();
    }

    void process(ChunkMessage chunk, Delivery delivery) {
        MDC.put("jobId", chunk.jobId().toString());
        MDC.put("chunk", Integer.toString(chunk.chunkIndex()));
        try {
            simulateAndStore(chunk);
            delivery.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Chunk {} interrupted (shutting down); back to the queue", chunk.chunkIndex());
            delivery.retry();
        } catch (RuntimeException e) {
            log.warn("Chunk {} failed; back to the queue: {}", chunk.chunkIndex(), e.toString(), e);
            delivery.retry();
        } finally {
            MDC.remove("jobId");
            MDC.remove("chunk");
        }
    }

    private void simulateAndStore(ChunkMessage chunk) throws InterruptedException {
        Optional<ChunkStore.RunnableJob> job = store.start(chunk.jobId());
        if (job.isEmpty()) {
            log.info("Dropping chunk {}: its job is finished or unknown", chunk.chunkIndex());
            return;
        }
        if (store.isStored(chunk)) {
            log.info("Chunk {} was already stored; redelivery ignored", chunk.chunkIndex());
            return;
        }
        long start = System.nanoTime();
        Simulation<?> simulation = simulations.of(chunk.jobId(), job.get().spec());
        Object aggregate = ParallelSimulation.run(simulationPool, threads, simulation, job.get().seed(),
                chunk.firstGame(), chunk.games());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        ChunkStore.Saved saved = store.save(chunk, aggregate, elapsedMillis);
        log.info("Chunk {}: {} simulations in {} ms on {} threads: {}", chunk.chunkIndex(), chunk.games(),
                elapsedMillis, threads, saved);
    }
}
