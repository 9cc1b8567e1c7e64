package io.tipoff.worker.chunk;

import com.rabbitmq.client.Channel;
import io.tipoff.messaging.ChunkMessage;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes chunks off the queue, two at a time per worker process by default (each chunk runs on every core), with
 * manual acknowledgement: {@link ChunkProcessor} acknowledges a chunk only after its aggregate is committed. A message
 * that cannot be read as a chunk is rejected before it gets here, without a requeue, and the broker dead-letters it.
 */
@Component
class ChunkListener {

    private final ChunkProcessor processor;

    ChunkListener(ChunkProcessor processor) {
        this.processor = processor;
    }

    @RabbitListener(queues = "#{@chunkTopology.queue()}", ackMode = "MANUAL")
    void onChunk(ChunkMessage chunk, Message message, Channel channel) {
        processor.process(chunk, new Delivery(channel, message));
    }
}
