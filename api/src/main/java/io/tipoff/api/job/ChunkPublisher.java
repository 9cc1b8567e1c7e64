package io.tipoff.api.job;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkTopology;
import java.util.List;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes chunks as persistent messages and waits until the broker confirms every one of them: once
 * {@link #publish} returns, the chunks are on the durable queue.
 */
@Component
class ChunkPublisher {

    private final RabbitTemplate rabbit;
    private final ChunkTopology topology;
    private final long timeoutMillis;

    ChunkPublisher(RabbitTemplate rabbit, ChunkTopology topology, ApiProperties properties) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.timeoutMillis = properties.jobs().publishTimeout().toMillis();
    }

    void publish(List<ChunkMessage> chunks) {
        rabbit.invoke(channel -> {
            for (ChunkMessage chunk : chunks) {
                channel.convertAndSend(topology.exchange(), topology.routingKey(), chunk);
            }
            channel.waitForConfirmsOrDie(timeoutMillis);
            return null;
        });
    }
}
