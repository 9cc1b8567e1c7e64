package io.tipoff.worker.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.engine.MatchupAggregate;
import io.tipoff.engine.MatchupModel;
import io.tipoff.job.JobSpec;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import io.tipoff.model.SimulationSettings;
import io.tipoff.testing.Matchups;
import io.tipoff.testing.TestServices;
import io.tipoff.worker.Apps;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Storing chunk aggregates against real PostgreSQL, many workers' worth at once. */
class ChunkStoreIntegrationTests {

    private static final MatchupModel MODEL = MatchupModel.of(Matchups.FINAL_2019, SimulationSettings.DEFAULTS);
    private static final int GAMES_PER_CHUNK = 500;

    private static ConfigurableApplicationContext worker;
    private static ChunkStore store;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        worker = Apps.worker(TestServices.newEnvironment(), "spring.rabbitmq.listener.simple.auto-startup=false");
        store = worker.getBean(ChunkStore.class);
        jdbc = worker.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private static UUID insertJob(int chunks) {
        UUID id = UUID.randomUUID();
        JsonMapper json = worker.getBean(JsonMapper.class);
        jdbc.sql("""
                        insert into jobs (id, type, status, spec, seed, simulations, chunk_size, chunks)
                        values (:id, 'MATCHUP', 'QUEUED', cast(:spec as jsonb), 9, :simulations, :size, :chunks)""")
                .param("id", id)
                .param("spec", json.writeValueAsString(
                        new JobSpec(JobType.MATCHUP, Matchups.FINAL_2019, SimulationSettings.DEFAULTS)))
                .param("simulations", (long) chunks * GAMES_PER_CHUNK)
                .param("size", GAMES_PER_CHUNK)
                .param("chunks", chunks)
                .update();
        return id;
    }

    private static ChunkMessage chunk(UUID job, int index) {
        return new ChunkMessage(job, index, (long) index * GAMES_PER_CHUNK, GAMES_PER_CHUNK);
    }

    private static MatchupAggregate simulate(ChunkMessage chunk) {
        return MODEL.simulate(9, chunk.firstGame(), chunk.games());
    }

    @Test
    void lastChunksFinishingTogetherCompleteTheJobExactlyOnce() throws Exception {
        int chunks = 12;
        UUID job = insertJob(chunks);
        store.start(job);
        assertThat(store.find(job).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        List<ChunkMessage> deliveries = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            deliveries.add(chunk(job, i));
            deliveries.add(chunk(job, i)); // every chunk delivered twice, the copies racing each other
        }
        List<MatchupAggregate> aggregates = deliveries.stream().map(ChunkStoreIntegrationTests::simulate).toList();

        ExecutorService workers = Executors.newFixedThreadPool(deliveries.size());
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<ChunkStore.Saved> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            int delivery = i;
            done.add(workers.submit(() -> {
                go.await();
                ChunkStore.Saved saved = store.save(deliveries.get(delivery), aggregates.get(delivery), null, 1);
                if (saved == ChunkStore.Saved.COUNTED_JOB) {
                    store.reduce(deliveries.get(delivery).jobId());
                }
                outcomes.add(saved);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();

        assertThat(outcomes).filteredOn(o -> o == ChunkStore.Saved.COUNTED_JOB).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == ChunkStore.Saved.DUPLICATE).hasSize(chunks);
        assertThat(outcomes).filteredOn(o -> o == ChunkStore.Saved.COUNTED).hasSize(chunks - 1);
        assertThat(jdbc.sql("select status || ' ' || chunks_completed || ' ' || simulations_completed from jobs"
                        + " where id = :id").param("id", job).query(String.class).single())
                .isEqualTo("COMPLETED " + chunks + " " + chunks * GAMES_PER_CHUNK);
        assertThat(jdbc.sql("select count(*) from job_results where job_id = :id").param("id", job)
                .query(Long.class).single()).isEqualTo(1);
        String stored = jdbc.sql("select aggregate::text from job_results where job_id = :id").param("id", job)
                .query(String.class).single();
        MatchupAggregate reduced = worker.getBean(JsonMapper.class).readValue(stored, MatchupAggregate.class);
        assertThat(reduced).isEqualTo(MODEL.simulate(9, 0, (long) chunks * GAMES_PER_CHUNK));
    }

    @Test
    void aChunkOfACancelledJobChangesNothing() {
        UUID job = insertJob(2);
        jdbc.sql("update jobs set status = 'CANCELLED' where id = :id").param("id", job).update();

        store.start(job);
        assertThat(store.find(job).orElseThrow().isOpen()).isFalse();
        ChunkMessage chunk = chunk(job, 0);
        assertThat(store.save(chunk, simulate(chunk), null, 1)).isEqualTo(ChunkStore.Saved.JOB_CLOSED);
        assertThat(store.isStored(chunk)).isFalse();
        assertThat(jdbc.sql("select chunks_completed from jobs where id = :id").param("id", job)
                .query(Integer.class).single()).isZero();
    }
}
