package io.tipoff.worker.config;

import io.tipoff.messaging.ChunkTopology;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation thread pool, and the chunk queue's name. The api declares the queue; a worker that starts first
 * keeps trying to consume until it exists.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfig {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService simulationPool(WorkerProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "simulation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(properties.worker().effectiveThreads(), threads);
    }

    @Bean
    ChunkTopology chunkTopology(WorkerProperties properties) {
        return properties.messaging().topology();
    }

    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }
}
