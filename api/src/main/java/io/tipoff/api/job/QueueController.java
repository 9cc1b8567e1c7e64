package io.tipoff.api.job;

import io.tipoff.messaging.ChunkTopology;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/queue}: how much work is waiting and how many workers are taking it. */
@RestController
class QueueController {

    /**
     * @param chunksReady      chunks waiting for a worker (not counting those being simulated)
     * @param consumers        worker processes consuming the queue
     * @param deadLetters      chunks that failed too often and were set aside
     */
    record QueueView(String queue, long chunksReady, long consumers, long deadLetters) {
    }

    private final AmqpAdmin admin;
    private final ChunkTopology topology;

    QueueController(AmqpAdmin admin, ChunkTopology topology) {
        this.admin = admin;
        this.topology = topology;
    }

    @GetMapping("/api/v1/queue")
    QueueView queue() {
        QueueInformation chunks = admin.getQueueInfo(topology.queue());
        QueueInformation dead = admin.getQueueInfo(topology.deadLetterQueue());
        return new QueueView(topology.queue(), chunks == null ? 0 : chunks.getMessageCount(),
                chunks == null ? 0 : chunks.getConsumerCount(), dead == null ? 0 : dead.getMessageCount());
    }
}
