package io.tipoff.api.job;

import io.tipoff.messaging.ChunkTopology;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.stereotype.Component;

/** Reads the chunk queue and the dead-letter queue from the broker, for {@code GET /api/v1/queue} and the metrics. */
@Component
class QueueDepth {

    /**
     * @param chunksReady      chunks waiting for a worker (not counting those being simulated)
     * @param consumers        worker processes consuming the queue
     * @param deadLetters      chunks that failed too often, or could not be read, and were set aside
     */
    record QueueView(String queue, long chunksReady, long consumers, long deadLetters) {
    }

    private final AmqpAdmin admin;
    private final ChunkTopology topology;

    QueueDepth(AmqpAdmin admin, ChunkTopology topology) {
        this.admin = admin;
        this.topology = topology;
    }

    /** Asks the broker (a passive declaration of each queue); a queue not declared yet counts as empty. */
    QueueView read() {
        QueueInformation chunks = admin.getQueueInfo(topology.queue());
        QueueInformation dead = admin.getQueueInfo(topology.deadLetterQueue());
        return new QueueView(topology.queue(), chunks == null ? 0 : chunks.getMessageCount(),
                chunks == null ? 0 : chunks.getConsumerCount(), dead == null ? 0 : dead.getMessageCount());
    }
}
