package io.tipoff.worker.config;

import io.tipoff.messaging.ChunkTopology;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The worker's settings, under {@code tipoff.*}.
 *
 * @param worker    how chunks are simulated
 * @param messaging names of the RabbitMQ objects (must match the api's)
 */
@ConfigurationProperties("tipoff")
public record WorkerProperties(@DefaultValue Worker worker, @DefaultValue Messaging messaging) {

    /**
     * @param threads           simulation threads; 0 means one per core
     * @param maxAttempts       deliveries of a chunk that fails (other than for a database outage) before the worker
     *                          sets it aside in the dead-letter queue and fails its job
     * @param databaseRetryFor  how long a worker keeps retrying, with backoff and the chunk in hand, while the database
     *                          is unreachable, before handing the chunk back to the queue
     * @param shutdownTimeout   on SIGTERM the worker takes no new chunk and waits this long for the chunks in hand to
     *                          be stored and acknowledged; a chunk still unfinished then goes back to the queue. Keep it
     *                          above the longest chunk and below {@code spring.lifecycle.timeout-per-shutdown-phase}
     *                          (30 s)
     * @param warmUp            how long a starting worker plays sample games before it takes chunks (0: none)
     * @param fault             test hooks, off unless set
     * @param modelCacheSize    the most memory the models kept between a job's chunks may take, by their estimate
     *                          ({@code ModelMemory}); the least recently used job's model is dropped beyond it. At
     *                          least the api's {@code tipoff.jobs.max-model-memory}, or the largest job's model is
     *                          built again for every chunk
     * @param schemaWait        how long a starting worker waits for the api to bring the database schema to the
     *                          version the worker needs ({@code SchemaCheck}) before it gives up
     */
    public record Worker(@DefaultValue("0") int threads,
                         @DefaultValue("3") int maxAttempts,
                         @DefaultValue("60s") Duration databaseRetryFor,
                         @DefaultValue("25s") Duration shutdownTimeout,
                         @DefaultValue("3s") Duration warmUp,
                         @DefaultValue Fault fault,
                         @DefaultValue("300MB") DataSize modelCacheSize,
                         @DefaultValue("2m") Duration schemaWait) {

        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * Test hooks for the fault-injection suite, on every worker that has them set. Never set in production.
     *
     * @param failChunk     the index of the chunk that throws instead of being simulated, in every job; -1 (the
     *                      default): none
     * @param exhaustMemory every chunk this worker takes fills its heap until an {@code OutOfMemoryError} (what a model
     *                      too large for the worker does, without waiting for one): the worker must exit at once and
     *                      its chunks go to another worker
     */
    public record Fault(@DefaultValue("-1") int failChunk, @DefaultValue("false") boolean exhaustMemory) {
    }

    /**
     * @param prefix prefix of every exchange and queue name; the same as the api's
     */
    public record Messaging(@DefaultValue("tipoff") String prefix) {

        public ChunkTopology topology() {
            return new ChunkTopology(prefix);
        }
    }
}
