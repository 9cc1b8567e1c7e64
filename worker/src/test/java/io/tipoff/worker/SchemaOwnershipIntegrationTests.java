package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The api owns the schema: a worker never migrates it, and waits for the api (or says clearly why it cannot). */
class SchemaOwnershipIntegrationTests {

    @Test
    void aWorkerOnADatabaseTheApiHasNotMigratedStopsNamingTheVersions() {
        TestServices.Environment empty = TestServices.newEmptyEnvironment();

        assertThatThrownBy(() -> Apps.worker(empty, "tipoff.worker.schema-wait=1s"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema is at version 0 but this worker needs")
                .hasMessageContaining("start (or upgrade) the api first");
        // It changed nothing: no table, not even Flyway's history.
        assertThat(tables(empty)).isZero();
    }

    @Test
    void aWorkerStartedBeforeTheApiWaitsForTheMigrationThenTakesChunks() throws Exception {
        TestServices.Environment empty = TestServices.newEmptyEnvironment();
        CompletableFuture<ConfigurableApplicationContext> worker =
                CompletableFuture.supplyAsync(() -> Apps.worker(empty, "tipoff.worker.schema-wait=2m"));
        try {
            // The worker is asking for the schema's version (its first connection to the database)...
            Waits.until("the worker checking the schema", Duration.ofSeconds(60), () -> connections(empty) > 1);
            assertThat(worker).isNotDone();
            // ...when the api starts and migrates it.
            try (ConfigurableApplicationContext api = Apps.api(empty)) {
                ConfigurableApplicationContext started = worker.get(1, TimeUnit.MINUTES);
                Waits.until("the worker consuming", Duration.ofSeconds(30), () -> consumers(started) > 0);
            }
        } finally {
            worker.thenAccept(ConfigurableApplicationContext::close);
        }
    }

    private static int consumers(ConfigurableApplicationContext worker) {
        return worker.getBean(RabbitListenerEndpointRegistry.class).getListenerContainers().stream().mapToInt(container -> container.isRunning() ? 1 : 0).sum();
    }

    private static long tables(TestServices.Environment environment) {
        return jdbc(environment).sql("select count(*) from information_schema.tables where table_schema = 'public'")
                .query(Long.class).single();
    }

    /** Sessions on the environment's database, this query's own included. */
    private static long connections(TestServices.Environment environment) {
        return jdbc(environment).sql("select count(*) from pg_stat_activity where datname = current_database()")
                .query(Long.class).single();
    }

    private static JdbcClient jdbc(TestServices.Environment environment) {
        return JdbcClient.create(new DriverManagerDataSource(environment.jdbcUrl(), environment.dbUser(),
                environment.dbPassword()));
    }
}
