package io.tipoff.api.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries a job's trace from its submission to its chunks (README, Tracing). The api publishes a job's chunks from
 * the outbox relay, on the dispatcher's thread, as workers free up: seconds or hours after the {@code POST} that
 * submitted the job was answered, when nothing of that request is current any more. So the submission's W3C trace
 * context ({@code traceparent}) is stored on the job, and the relay publishes each chunk inside a span that continues
 * it; RabbitMQ carries the context in the message's headers to the worker, whose listener span, and the reduce inside
 * it, join the same trace.
 *
 * <p>Only a sampled submission's context is stored: with tracing off (sampling probability 0, the default) the job
 * row gets nothing and the relay opens no span.
 */
@Component
public class JobTrace {

    static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    JobTrace(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /** The current span's {@code traceparent} when it is sampled, else null. */
    public String current() {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null || !Boolean.TRUE.equals(span.context().sampled())) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a span named {@code name}, a child of the span whose {@code traceparent} was stored, with
     * these tags; anything traced inside it (a RabbitTemplate's send) joins that trace. Without a stored context, or
     * without a tracer, runs it as it is.
     */
    public void continuing(String traceParent, String name, Map<String, String> tags, Runnable work) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        if (traceParent == null || tracer == null || propagator == null) {
            work.run();
            return;
        }
        Span.Builder builder = propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get).name(name);
        tags.forEach(builder::tag);
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
