package io.tipoff.messaging;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the RabbitMQ objects that carry chunks, all derived from one prefix so that separate deployments (or test
 * runs) on one broker never see each other's messages.
 *
 * <ul>
 * <li>{@link #exchange()}: direct exchange the api publishes chunks to;
 * <li>{@link #queue()}: durable quorum queue of the batch lane, bound with {@link #routingKey()};
 * <li>{@link #queue(Lane)}, {@link #routingKey(Lane)}: each lane's queue (the interactive one is
 * {@code <prefix>.chunks.interactive}), both consumed by every worker;
 * <li>{@link #deadLetterExchange()} and {@link #deadLetterQueue()}: where a chunk goes after too many failed
 * deliveries, or at once if it cannot be read.
 * </ul>
 *
 * The api declares them all (it must, before it publishes anything); workers only consume, and wait for the queue.
 */
public record ChunkTopology(String prefix) {

    public ChunkTopology {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("prefix must be letters, digits, '.', '_' or '-', was " + prefix);
        }
    }

    public String exchange() {
        return prefix;
    }

    public String queue() {
        return prefix + ".chunks";
    }

    public String routingKey() {
        return "chunk";
    }

    public String queue(Lane lane) {
        return lane == Lane.BATCH ? queue() : queue() + "." + lane.name().toLowerCase(Locale.ROOT);
    }

    public String routingKey(Lane lane) {
        return lane == Lane.BATCH ? routingKey() : routingKey() + "." + lane.name().toLowerCase(Locale.ROOT);
    }

    public String deadLetterExchange() {
        return prefix + ".dead";
    }

    public String deadLetterQueue() {
        return prefix + ".chunks.dead";
    }

    /**
     * Arguments of the chunk queue: a quorum queue (replicated, survives a broker node) that counts deliveries and
     * dead-letters a chunk once it has failed {@code deliveryLimit} times, with at-least-once dead-lettering so a
     * dead-lettered chunk is never dropped on the way.
     */
    public Map<String, Object> queueArguments(int deliveryLimit) {
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException("deliveryLimit must be at least 1, was " + deliveryLimit);
        }
        return Map.of(
                "x-queue-type", "quorum",
                "x-delivery-limit", deliveryLimit,
                "x-dead-letter-exchange", deadLetterExchange(),
                "x-dead-letter-strategy", "at-least-once",
                // RabbitMQ requires reject-publish for at-least-once dead-lettering; without a length limit it only
                // ever rejects when the broker's memory or disk alarm is on, which publisher confirms then report.
                "x-overflow", "reject-publish");
    }

    /** The dead-letter queue keeps what it receives until someone looks. */
    public Map<String, Object> deadLetterQueueArguments() {
        return Map.of("x-queue-type", "quorum");
    }
}
