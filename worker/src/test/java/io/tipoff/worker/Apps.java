package io.tipoff.worker;

import io.tipoff.api.ApiApplication;
import io.tipoff.api.dispatch.DispatcherView;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

/** Starts a real api or worker in this JVM, pointed at one test environment, as its command line would. */
public final class Apps {

    private Apps() {
    }

    public static ConfigurableApplicationContext api(TestServices.Environment services, String... settings) {
        return api(services, context -> { }, settings);
    }

    /** An api with {@code initializer} applied to its context before it is refreshed (a test's own bean, say). */
    public static ConfigurableApplicationContext api(TestServices.Environment services,
                                                     ApplicationContextInitializer<ConfigurableApplicationContext>
                                                             initializer, String... settings) {
        // Tests split small jobs into many chunks on purpose (brackets of four games in chunks of 500): below the
        // production minimum of 5,000 games a chunk.
        String[] small = Stream.concat(Stream.of("tipoff.jobs.min-chunk-games=1000"), Stream.of(settings))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ApiApplication.class)
                .properties(ApiApplication.CONFIG_NAME)
                .initializers(initializer)
                .run(arguments(services, small));
    }

    public static ConfigurableApplicationContext worker(TestServices.Environment services, String... settings) {
        return worker(services, context -> { }, settings);
    }

    /** A worker with {@code initializer} applied to its context before it is refreshed. */
    public static ConfigurableApplicationContext worker(TestServices.Environment services,
                                                        ApplicationContextInitializer<ConfigurableApplicationContext>
                                                                initializer, String... settings) {
        // A short warm-up: the path is taken, without three seconds per test context.
        String[] warm = Stream.concat(Stream.of("tipoff.worker.warm-up=200ms"), Stream.of(settings))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(WorkerApplication.class)
                .properties(WorkerApplication.CONFIG_NAME)
                .initializers(initializer)
                .run(arguments(services, warm));
    }

    /**
     * The worker stops taking chunks, as if it had gone: it finishes and acknowledges the chunks in hand and hands back
     * those it had fetched but not started. Returns once {@code api}'s dispatcher counts no consumer, so that its next
     * windows are those of queues without workers.
     */
    public static void stopConsuming(ConfigurableApplicationContext worker, ConfigurableApplicationContext api) {
        worker.getBean(RabbitListenerEndpointRegistry.class).getListenerContainers().forEach(Lifecycle::stop);
        Waits.until("the api's dispatcher counting no consumer", Duration.ofSeconds(30),
                () -> DispatcherView.consumers(api) == 0);
    }

    /** The worker takes chunks again (its listeners started, as its warm-up does). */
    public static void startConsuming(ConfigurableApplicationContext worker) {
        worker.getBean(RabbitListenerEndpointRegistry.class).getListenerContainers().forEach(Lifecycle::start);
    }

    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "-1"));
    }

    private static String[] arguments(TestServices.Environment services, String... settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        for (Map.Entry<String, Object> property : services.springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return arguments.toArray(String[]::new);
    }
}
