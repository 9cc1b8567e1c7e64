package io.tipoff.worker.chunk;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.tipoff.messaging.ChunkTopology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.core.Message;

/** One delivery of a chunk, to be acknowledged explicitly once its outcome is committed, or handed back. */
record Delivery(Channel channel, Message message, ChunkTopology topology) {

    /** The broker's count of earlier deliveries of this message (quorum queues keep it in a header). */
    long earlierDeliveries() {
        Object count = message.getMessageProperties().getHeaders().get("x-delivery-count");
        return count instanceof Number number ? number.longValue() : 0;
    }

    /** Whether the broker delivered this message before (to this or another consumer). */
    boolean isRedelivery() {
        return message.getMessageProperties().isRedelivered() || earlierDeliveries() > 0;
    }

    /** The chunk is done (stored, or nothing to do): the broker may forget it. */
    void ack() {
        try {
            channel.basicAck(tag(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chunk could not be done now: back to the queue for any worker. The quorum queue counts the deliveries and
     * dead-letters a chunk that keeps failing even if no worker gets to {@link #deadLetter} it (one that crashes the
     * worker every time).
     */
    void retry() {
        try {
            channel.basicNack(tag(), false, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chunk fails every time: sets it aside in the dead-letter queue with the failure in its headers, then lets
     * the broker forget this delivery. A crash between the two leaves the chunk on the queue, to fail (and be set
     * aside) again: it is never lost.
     */
    void deadLetter(Throwable failure, long attempts) {
        Map<String, Object> headers = new HashMap<>(message.getMessageProperties().getHeaders());
        headers.put("x-exception-class", failure.getClass().getName());
        headers.put("x-exception-message", truncate(String.valueOf(failure.getMessage()), 1_000));
        headers.put("x-exception-stacktrace", truncate(stackTrace(failure), 8_000));
        headers.put("x-attempts", attempts);
        headers.put("x-original-queue", topology.queue());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(message.getMessageProperties().getContentType())
                .deliveryMode(2)
                .headers(headers)
                .build();
        try {
            channel.basicPublish(topology.deadLetterExchange(), topology.routingKey(), properties, message.getBody());
            channel.basicAck(tag(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long tag() {
        return message.getMessageProperties().getDeliveryTag();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
