package io.tipoff.worker.chunk;

import io.tipoff.messaging.ChunkMessage;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes chunks off the queue, two at a time per worker process by default (each chunk runs on every core). The
 * container acknowledges a chunk only when this method returns, which is after its aggregate is committed; if it throws, the
 * chunk goes back to the queue, and after the queue's delivery limit to the dead-letter queue.
 */
@Component
class ChunkListener {

    private final ChunkProcessor processor;

    ChunkListener(ChunkProcessor processor) {
        this.processor = processor;
    }

    @RabbitListener(queues = "#{@chunkTopology.queue()}")
    void onChunk(ChunkMessage chunk) throws InterruptedException {
        processor.process(chunk);
    }
}
