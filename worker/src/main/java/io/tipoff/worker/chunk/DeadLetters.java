package io.tipoff.worker.chunk;

import io.tipoff.messaging.ChunkTopology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Sets a chunk aside in the dead-letter queue with the reason in its headers ({@code x-exception-class},
 * {@code x-exception-message}, {@code x-exception-stacktrace}, {@code x-attempts}, {@code x-original-queue}), for an
 * operator to read. Published on the worker's publisher connection and confirmed by the broker before the caller
 * acknowledges the original delivery: a crash in between leaves the chunk on its queue, to be set aside again, never
 * lost.
 */
@Component
class DeadLetters {

    private static final long CONFIRM_TIMEOUT_SECONDS = 10;

    private final RabbitTemplate rabbit;
    private final ChunkTopology topology;

    DeadLetters(RabbitTemplate rabbit, ChunkTopology topology) {
        this.rabbit = rabbit;
        this.topology = topology;
    }

    /** Returns once the broker has the dead letter; throws if it did not confirm it. */
    void send(Message original, Throwable failure, long attempts) throws InterruptedException {
        Message dead = MessageBuilder.fromClonedMessage(original)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader("x-exception-class", failure.getClass().getName())
                .setHeader("x-exception-message", truncate(String.valueOf(failure.getMessage()), 1_000))
                .setHeader("x-exception-stacktrace", truncate(stackTrace(failure), 8_000))
                .setHeader("x-attempts", attempts)
                .setHeader("x-original-queue", topology.queue())
                .build();
        CorrelationData confirm = new CorrelationData();
        rabbit.send(topology.deadLetterExchange(), topology.routingKey(), dead, confirm);
        try {
            CorrelationData.Confirm answer = confirm.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!answer.ack() || confirm.getReturned() != null) {
                throw new AmqpException("dead letter not taken by the broker: "
                        + (confirm.getReturned() != null ? "unroutable" : answer.reason()));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AmqpException("dead letter not confirmed by the broker: " + e, e);
        }
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
