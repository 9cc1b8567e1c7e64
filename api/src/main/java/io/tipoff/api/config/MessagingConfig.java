package io.tipoff.api.config;

import io.tipoff.messaging.ChunkTopology;
import io.tipoff.messaging.Lane;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Binding.DestinationType;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionNameStrategy;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declares the chunk exchanges and queues (the api owns them: no chunk is published to nowhere, whether or not a
 * worker has started) and sends JSON.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfig {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfig.class);

    @Bean
    ChunkTopology chunkTopology(ApiProperties properties) {
        return properties.messaging().topology();
    }

    /** Each lane's queue bound to the chunk exchange, and the dead-letter queue bound to take either lane's chunks. */
    @Bean
    Declarables chunkQueue(ChunkTopology topology, ApiProperties properties) {
        List<Declarable> declarables = new ArrayList<>(List.of(
                new DirectExchange(topology.exchange()),
                new DirectExchange(topology.deadLetterExchange()),
                new Queue(topology.deadLetterQueue(), true, false, false, topology.deadLetterQueueArguments())));
        for (Lane lane : Lane.values()) {
            declarables.add(new Queue(topology.queue(lane), true, false, false,
                    topology.queueArguments(properties.messaging().deliveryLimit())));
            declarables.add(new Binding(topology.queue(lane), DestinationType.QUEUE, topology.exchange(),
                    topology.routingKey(lane), null));
            declarables.add(new Binding(topology.deadLetterQueue(), DestinationType.QUEUE,
                    topology.deadLetterExchange(), topology.routingKey(lane), null));
        }
        return new Declarables(declarables);
    }

    /** Declares at start-up rather than at the first publish; a broker that is down then is not fatal. */
    @Bean
    ApplicationRunner declareChunkQueue(AmqpAdmin admin) {
        return args -> {
            try {
                admin.initialize();
            } catch (AmqpException e) {
                log.warn("RabbitMQ not reachable at start-up; the chunk queue will be declared on first publish: {}",
                        e.toString());
            }
        };
    }

    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }

    /**
     * Chunks go out on a connection of their own: when the broker blocks publishers (a memory or disk alarm), the
     * queue checks of the reconciler and of {@code GET /api/v1/queue} still get through on the other one.
     */
    @Bean
    RabbitTemplateCustomizer publishOnOwnConnection() {
        return template -> template.setUsePublisherConnection(true);
    }

    /** Names the api's connections after its process, so that an operator can tell them from the workers'. */
    @Bean
    ConnectionNameStrategy connectionName() {
        String process = "tipoff-api " + ManagementFactory.getRuntimeMXBean().getName();
        return factory -> process;
    }
}
