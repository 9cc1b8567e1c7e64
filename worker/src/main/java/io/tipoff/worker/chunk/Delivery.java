package io.tipoff.worker.chunk;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;

/**
 * One delivery of a chunk, to be acknowledged explicitly once its outcome is committed, or handed back. When the
 * delivery's channel is gone (the broker closed the connection, or gave up on a worker that stopped answering), the
 * broker has already put the chunk back on the queue: the acknowledgement or return is moot, and the copy that comes
 * again is absorbed (a stored chunk is never stored twice).
 */
record Delivery(Channel channel, Message message) {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** The broker's count of earlier deliveries of this message (quorum queues keep it in a header). */
    long earlierDeliveries() {
        Object count = message.getMessageProperties().getHeaders().get("x-delivery-count");
        return count instanceof Number number ? number.longValue() : 0;
    }

    /** Whether the broker delivered this message before (to this or another consumer). */
    boolean isRedelivery() {
        return message.getMessageProperties().isRedelivered() || earlierDeliveries() > 0;
    }

    /** The chunk is done (stored, set aside, or nothing to do): the broker may forget it. */
    void ack() {
        try {
            channel.basicAck(tag(), false);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not acknowledge the chunk ({}); the broker delivers it again and the copy is absorbed",
                    e.toString());
        }
    }

    /**
     * The chunk could not be done now: back to the queue for any worker. The quorum queue counts the deliveries and
     * dead-letters a chunk that keeps failing even if no worker gets to set it aside itself (one that crashes the
     * worker every time).
     */
    void retry() {
        try {
            channel.basicNack(tag(), false, true);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not hand the chunk back ({}); the broker requeues it with the closed channel",
                    e.toString());
        }
    }

    private long tag() {
        return message.getMessageProperties().getDeliveryTag();
    }
}
