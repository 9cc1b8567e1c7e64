package io.tipoff.worker.config;

import io.tipoff.messaging.ChunkTopology;
import java.lang.management.ManagementFactory;
import org.springframework.amqp.rabbit.connection.ConnectionNameStrategy;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chunk queues' names and how the worker talks to RabbitMQ. The api declares the
 * queue; a worker that starts first keeps trying to consume until it exists.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfig {

    @Bean
    ChunkTopology chunkTopology(WorkerProperties properties) {
        return properties.messaging().topology();
    }

    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }

    /**
     * Dead letters go out on the publisher connection, not on the consumers' one: a publisher the broker blocks (a
     * memory or disk alarm) must not stall the consumers and their acknowledgements.
     */
    @Bean
    RabbitTemplateCustomizer publishOnOwnConnection() {
        return template -> template.setUsePublisherConnection(true);
    }

    /** Names the worker's connections after its process, so that an operator (or a test) can tell which is which. */
    @Bean
    ConnectionNameStrategy connectionName() {
        String process = "tipoff-worker " + ManagementFactory.getRuntimeMXBean().getName();
        return factory -> process;
    }
}
