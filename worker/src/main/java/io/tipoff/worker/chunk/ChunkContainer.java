package io.tipoff.worker.chunk;

import io.tipoff.worker.config.WorkerProperties;
import java.time.Duration;
import org.springframework.amqp.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.listener.FatalExceptionStrategy;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * How the chunk listener's container runs (Boot applies a single container customizer, so this is the one).
 *
 * <p>A message that cannot be read as a chunk never reaches {@link ChunkListener}: Spring AMQP rejects it without
 * requeue, and the quorum queue dead-letters it. This keeps that behaviour (Spring's default strategy decides what is
 * fatal) and counts each one in {@code tipoff_chunks_dead_lettered_total{reason="unreadable"}}.
 *
 * <p>On shutdown (SIGTERM) the container cancels its consumers at once, so no new chunk arrives, then waits for the
 * chunks in hand: up to {@code tipoff.worker.shutdown-timeout} rather than Spring AMQP's 5 s, which a large chunk on a
 * busy machine may exceed. A chunk still running after that is handed back when its channel closes.
 */
@Component
class ChunkContainer implements ContainerCustomizer<SimpleMessageListenerContainer> {

    private final ChunkMetrics metrics;
    private final Duration shutdownTimeout;

    ChunkContainer(ChunkMetrics metrics, WorkerProperties properties) {
        this.metrics = metrics;
        this.shutdownTimeout = properties.worker().shutdownTimeout();
    }

    @Override
    public void configure(SimpleMessageListenerContainer container) {
        container.setShutdownTimeout(shutdownTimeout.toMillis());
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
