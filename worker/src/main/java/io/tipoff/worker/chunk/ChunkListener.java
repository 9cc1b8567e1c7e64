package io.tipoff.worker.chunk;

import com.rabbitmq.client.Channel;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.Lane;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes chunks off both lanes' queues with manual acknowledgement: {@link ChunkProcessor} acknowledges a chunk only
 * after its aggregate is committed. The batch lane has two consumers per worker by default (each chunk runs on every
 * core); the interactive lane one more, so a small job finds a free consumer on every worker however busy it is. A
 * message that cannot be read as a chunk is rejected before it gets here, without a requeue, and the broker
 * dead-letters it. The listeners start once the worker is warm ({@link WarmUp}).
 */
@Component
class ChunkListener {

    static final String BATCH = "batch";
    static final String INTERACTIVE = "interactive";

    private final ChunkProcessor processor;

    ChunkListener(ChunkProcessor processor) {
        this.processor = processor;
    }

    @RabbitListener(id = BATCH, queues = "#{@chunkTopology.queue()}", ackMode = "MANUAL", autoStartup = "false")
    void onChunk(ChunkMessage chunk, Message message, Channel channel) {
        processor.process(chunk, new Delivery(channel, message), Lane.BATCH);
    }

    @RabbitListener(id = INTERACTIVE, queues = "#{@chunkTopology.queue(T(io.tipoff.messaging.Lane).INTERACTIVE)}",
            ackMode = "MANUAL", autoStartup = "false", concurrency = "${tipoff.worker.interactive-consumers:1}")
    void onInteractiveChunk(ChunkMessage chunk, Message message, Channel channel) {
        processor.process(chunk, new Delivery(channel, message), Lane.INTERACTIVE);
    }
}
