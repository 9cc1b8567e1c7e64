package io.tipoff.api.dispatch;

import io.tipoff.messaging.ChunkTopology;
import io.tipoff.messaging.Lane;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.stereotype.Component;

/**
 * Reads the lanes' queues and the dead-letter queue from the broker, for {@code GET /api/v1/queue}, the metrics and
 * the {@link Dispatcher}'s windows.
 */
@Component
public class QueueDepth {

    /** The dispatcher asks for consumers every round; the broker is asked at most this often. */
    static final Duration CONSUMERS_FRESH = Duration.ofSeconds(1);

    /**
     * @param queue       the lane's queue
     * @param chunksReady chunks waiting for a worker (not counting those being simulated)
     * @param consumers   consumers of the queue (by default two per worker on the batch lane, one on the interactive)
     */
    public record LaneView(Lane lane, String queue, long chunksReady, long consumers) {
    }

    /**
     * @param queue       the batch lane's queue (also in {@code lanes})
     * @param chunksReady chunks ready on the batch lane
     * @param consumers   consumers of the batch lane
     * @param deadLetters chunks that failed too often, or could not be read, and were set aside
     */
    public record QueueView(String queue, long chunksReady, long consumers, long deadLetters,
                            List<LaneView> lanes) {

        public LaneView lane(Lane lane) {
            return lanes.stream().filter(l -> l.lane() == lane).findFirst().orElseThrow();
        }
    }

    private final AmqpAdmin admin;
    private final ChunkTopology topology;
    private final Map<Lane, long[]> consumers = new EnumMap<>(Lane.class);

    QueueDepth(AmqpAdmin admin, ChunkTopology topology) {
        this.admin = admin;
        this.topology = topology;
    }

    /** Asks the broker (a passive declaration of each queue); a queue not declared yet counts as empty. */
    public QueueView read() {
        LaneView batch = lane(Lane.BATCH);
        LaneView interactive = lane(Lane.INTERACTIVE);
        QueueInformation dead = admin.getQueueInfo(topology.deadLetterQueue());
        return new QueueView(batch.queue(), batch.chunksReady(), batch.consumers(),
                dead == null ? 0 : dead.getMessageCount(), List.of(interactive, batch));
    }

    private LaneView lane(Lane lane) {
        QueueInformation info = admin.getQueueInfo(topology.queue(lane));
        return new LaneView(lane, topology.queue(lane), info == null ? 0 : info.getMessageCount(),
                info == null ? 0 : info.getConsumerCount());
    }

    /**
     * Consumers of a lane's queue, read at most once per {@link #CONSUMERS_FRESH}; while the broker cannot be asked,
     * the last count (or none).
     */
    synchronized long consumers(Lane lane) {
        long[] cached = consumers.get(lane);
        long now = System.nanoTime();
        if (cached == null || now - cached[1] > CONSUMERS_FRESH.toNanos()) {
            long count = cached == null ? 0 : cached[0];
            try {
                count = lane(lane).consumers();
            } catch (AmqpException e) {
                // the broker is away: nothing can be published now anyway
            }
            cached = new long[] {count, now};
            consumers.put(lane, cached);
        }
        return cached[0];
    }
}
