package io.tipoff.worker.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import io.tipoff.worker.Apps;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A job's trace, end to end, with tracing turned on as the README says: a real api and a real worker in this JVM, real
 * PostgreSQL and RabbitMQ, each application exporting its spans to an in-memory exporter (in place of an OTLP
 * collector). The POST's trace is stored with the job, continued by the relay that publishes its chunks after the
 * request was answered, carried through RabbitMQ in the messages' headers, and joined by the worker's spans.
 */
class TracingIntegrationTests {

    private static final int CHUNKS = 3;
    private static final String SAMPLE_EVERYTHING = "management.tracing.sampling.probability=1.0";

    /** Spans an application finished, as an OTLP exporter would have sent them. */
    static final class SpanRecorder implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        ApplicationContextInitializer<ConfigurableApplicationContext> register() {
            return context -> context.getBeanFactory().registerSingleton("testSpanRecorder", this);
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> finished) {
            spans.addAll(finished);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        List<SpanData> of(String traceId, SpanKind kind) {
            return spans.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).toList();
        }

        List<SpanData> named(String traceId, String name) {
            return spans.stream().filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(name)).toList();
        }
    }

    @Test
    void aJobsTraceRunsFromItsPostThroughTheBrokerToTheWorkerAndItsReduce() {
        TestServices.Environment services = TestServices.newEnvironment();
        SpanRecorder apiSpans = new SpanRecorder();
        SpanRecorder workerSpans = new SpanRecorder();
        try (ConfigurableApplicationContext api = Apps.api(services, apiSpans.register(), SAMPLE_EVERYTHING);
             ConfigurableApplicationContext worker = Apps.worker(services, workerSpans.register(), SAMPLE_EVERYTHING,
                     "tipoff.worker.threads=1")) {
            Http http = new Http(Apps.port(api));
            HttpResponse<String> response = http.postJson("/api/v1/jobs",
                    JobRequests.matchupJson(CHUNKS * 10_000L, 7L, 10_000));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = Http.json(response).get("id").asString();
            http.awaitCompleted(id);

            // The POST's server span, and the trace it began.
            Waits.until("the POST's span exported", Duration.ofSeconds(30), () -> apiSpans.spans.stream()
                    .anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("http post")));
            SpanData post = apiSpans.spans.stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("http post"))
                    .findFirst().orElseThrow();
            String trace = post.getTraceId();
            // Exported in batches: wait for every span the job's trace should have.
            Waits.until("the worker's reduce span in the POST's trace", Duration.ofSeconds(30),
                    () -> !workerSpans.named(trace, "tipoff job reduce").isEmpty()
                            && workerSpans.of(trace, SpanKind.CONSUMER).size() >= CHUNKS
                            && apiSpans.of(trace, SpanKind.PRODUCER).size() >= CHUNKS);

            // api: each chunk published by the relay in a span continuing the POST's, and sent inside it.
            List<SpanData> publishes = apiSpans.named(trace, "tipoff chunk publish");
            assertThat(publishes).hasSize(CHUNKS).allMatch(s -> s.getParentSpanId().equals(post.getSpanId()));
            Set<String> publishIds = ids(publishes);
            List<SpanData> sends = apiSpans.of(trace, SpanKind.PRODUCER);
            assertThat(sends).hasSize(CHUNKS).allMatch(s -> publishIds.contains(s.getParentSpanId()));
            // worker: each chunk's listener span is a child of the api's send, across the broker; the reduce is a
            // child of the last chunk's.
            Set<String> sendIds = ids(sends);
            List<SpanData> received = workerSpans.of(trace, SpanKind.CONSUMER);
            assertThat(received).hasSize(CHUNKS).allMatch(s -> sendIds.contains(s.getParentSpanId()));
            assertThat(workerSpans.named(trace, "tipoff job reduce")).singleElement()
                    .matches(s -> ids(received).contains(s.getParentSpanId()))
                    .matches(s -> s.getAttributes().asMap().values().contains(id));
        }
    }

    @Test
    void tracingIsOffByDefault() {
        TestServices.Environment services = TestServices.newEnvironment();
        SpanRecorder apiSpans = new SpanRecorder();
        try (ConfigurableApplicationContext api = Apps.api(services, apiSpans.register(),
                "tipoff.jobs.relay-enabled=false")) {
            Http http = new Http(Apps.port(api));
            HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.matchupJson(10_000L, 7L));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = Http.json(response).get("id").asString();

            assertThat(api.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select trace_parent from jobs where id = cast(:id as uuid)").param("id", id)
                    .query(String.class).list()).containsExactly((String) null);
            api.getBean(io.opentelemetry.sdk.trace.SdkTracerProvider.class).forceFlush()
                    .join(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(apiSpans.spans).isEmpty();
        }
    }

    private static Set<String> ids(List<SpanData> spans) {
        return spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    }
}
