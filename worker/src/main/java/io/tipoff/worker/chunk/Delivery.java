package io.tipoff.worker.chunk;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One delivery of a chunk, to be acknowledged explicitly once its outcome is committed, or handed back. */
record Delivery(Channel channel, long tag) {

    /** The chunk is done (stored, or nothing to do): the broker may forget it. */
    void ack() {
        try {
            channel.basicAck(tag, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chunk could not be done now: back to the queue for any worker. The quorum queue counts the deliveries and
     * dead-letters a chunk that keeps failing.
     */
    void retry() {
        try {
            channel.basicNack(tag, false, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
