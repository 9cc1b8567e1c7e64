package io.tipoff.worker.chunk;

import org.springframework.amqp.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.listener.FatalExceptionStrategy;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * A message that cannot be read as a chunk never reaches {@link ChunkListener}: Spring AMQP rejects it without requeue,
 * and the quorum queue dead-letters it. This keeps that behaviour (Spring's default strategy decides what is fatal) and
 * counts each one in {@code tipoff_chunks_dead_lettered_total{reason="unreadable"}}.
 */
@Component
class UnreadableChunks implements ContainerCustomizer<SimpleMessageListenerContainer> {

    private final ChunkMetrics metrics;

    UnreadableChunks(ChunkMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configure(SimpleMessageListenerContainer container) {
        FatalExceptionStrategy spring = new ConditionalRejectingErrorHandler.DefaultExceptionStrategy();
        container.setErrorHandler(new ConditionalRejectingErrorHandler(failure -> {
            boolean fatal = spring.isFatal(failure);
            if (fatal) {
                metrics.deadLettered("unreadable");
            }
            return fatal;
        }));
    }
}
