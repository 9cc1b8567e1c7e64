package io.tipoff.worker.config;

import io.tipoff.messaging.ChunkTopology;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's settings, under {@code tipoff.*}.
 *
 * @param worker    how chunks are simulated
 * @param messaging names of the RabbitMQ objects (must match the api's)
 */
@ConfigurationProperties("tipoff")
public record WorkerProperties(@DefaultValue Worker worker, @DefaultValue Messaging messaging) {

    /**
     * @param threads simulation threads; 0 means one per core
     */
    public record Worker(@DefaultValue("0") int threads) {

        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
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
