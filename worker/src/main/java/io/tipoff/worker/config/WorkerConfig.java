package io.tipoff.worker.config;

import io.tipoff.messaging.ChunkTopology;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Binding.DestinationType;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The simulation thread pool, and the same chunk queue declaration as the api's (whichever starts first). */
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
    Declarables chunkQueue(ChunkTopology topology) {
        return new Declarables(
                new DirectExchange(topology.exchange()),
                new DirectExchange(topology.deadLetterExchange()),
                new Queue(topology.queue(), true, false, false, topology.queueArguments()),
                new Queue(topology.deadLetterQueue(), true, false, false, topology.deadLetterQueueArguments()),
                new Binding(topology.queue(), DestinationType.QUEUE, topology.exchange(), topology.routingKey(), null),
                new Binding(topology.deadLetterQueue(), DestinationType.QUEUE, topology.deadLetterExchange(),
                        topology.routingKey(), null));
    }

    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }
}
