package io.tipoff.worker.faults;

import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkTopology;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.Waits;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's Tipoff: a database and a queue prefix on the suite's private PostgreSQL and RabbitMQ, an api and
 * workers started as processes, and what a scenario does with them. Every scenario's job is the same matchup with the
 * same seed, in {@link #CHUNKS} chunks, so that every result can be compared with an undisturbed run's. Scenarios
 * share the system one after another (a JVM start is the slowest thing here); {@link #ensureReady} puts it back to an
 * api, two consuming workers, an empty queue and an empty dead-letter queue before each.
 */
final class TipoffSystem implements AutoCloseable {

    static final int CHUNKS = 48;
    static final int CHUNK_SIZE = 250_000;
    static final long SIMULATIONS = (long) CHUNKS * CHUNK_SIZE;
    static final long SEED = 2019;
    /** A JVM start on a loaded two-core machine has been seen to take two minutes. */
    static final Duration START = Duration.ofMinutes(5);
    static final Duration JOB = Duration.ofMinutes(5);
    static final int WORKERS = 2;
    /**
     * The index of the chunk that fails every time on every worker (the test hook {@code tipoff.worker.fault.fail-chunk}):
     * beyond the scenarios' 48 chunks, so that only the poison scenario's larger job has such a chunk.
     */
    static final int POISON_CHUNK = 48;
    /**
     * Every worker of the suite: one simulation thread (two workers share the machine's two cores), the log line of
     * each chunk taken, a 5 s heartbeat (the broker gives up on a frozen worker after about two), and the test hook.
     */
    private static final List<String> WORKER_SETTINGS = List.of(
            "tipoff.worker.threads=1",
            "logging.level.io.tipoff.worker.chunk.ChunkProcessor=DEBUG",
            "spring.rabbitmq.requested-heartbeat=5",
            "tipoff.worker.fault.fail-chunk=" + POISON_CHUNK);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final FaultLab lab;
    final String name;
    final Path dir;
    final String database;
    final ChunkTopology topology;
    final JdbcClient db;
    private final List<TipoffProcess> processes = new ArrayList<>();
    private final List<TipoffProcess> workers = new ArrayList<>();
    private TipoffProcess api;
    private Http http;

    TipoffSystem(FaultLab lab, String name) {
        this.lab = lab;
        this.name = name;
        this.dir = lab.dir.resolve(name);
        this.database = "faults_" + name.replace('-', '_');
        this.topology = new ChunkTopology("faults-" + name);
        lab.postgres.createDatabase(database);
        this.db = lab.postgres.client(database);
    }

    private List<String> common() {
        return List.of(
                "--spring.datasource.url=" + lab.postgres.url(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.rabbitmq.host=127.0.0.1",
                "--spring.rabbitmq.port=" + lab.rabbit.port(),
                "--spring.rabbitmq.username=guest",
                "--spring.rabbitmq.password=guest",
                "--tipoff.messaging.prefix=" + topology.prefix());
    }

    /** Starts an api without waiting: {@link TipoffProcess#awaitHealthy} when it matters. */
    TipoffProcess launchApi(String... settings) {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(Arrays.stream(settings).map(s -> "--" + s).toList());
        int number = (int) processes.stream().filter(p -> p.name().startsWith("api")).count() + 1;
        // The api does no heavy computing: the quicker-starting client compiler is enough.
        api = TipoffProcess.start("api-" + number, lab.apiJar, dir.resolve("api-" + number + ".log"), Ports.free(),
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx384m"), arguments);
        http = new Http(api.port());
        processes.add(api);
        return api;
    }

    /** Starts workers without waiting for them. */
    List<TipoffProcess> launchWorkers(int count) {
        List<TipoffProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(launchWorker(List.of("-XX:+UseSerialGC", "-Xmx512m")));
        }
        return started;
    }

    /** Starts a worker with these JVM options and the suite's settings plus these, without waiting for it. */
    TipoffProcess launchWorker(List<String> jvmOptions, String... settings) {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(WORKER_SETTINGS.stream().map(s -> "--" + s).toList());
        arguments.addAll(Arrays.stream(settings).map(s -> "--" + s).toList());
        String workerName = "worker-" + (workers.size() + 1);
        TipoffProcess worker = TipoffProcess.start(workerName, lab.workerJar, dir.resolve(workerName + ".log"),
                Ports.free(), jvmOptions, arguments);
        workers.add(worker);
        processes.add(worker);
        return worker;
    }

    List<TipoffProcess> startWorkers(int count) {
        List<TipoffProcess> started = launchWorkers(count);
        awaitHealthy(started);
        return started;
    }

    /**
     * Back to the starting line: both services up, an api and {@link #WORKERS} workers healthy (new ones for those a
     * scenario killed), every worker consuming, nothing in the chunk queue and nothing in the dead-letter queue.
     */
    void ensureReady() {
        lab.rabbit.start();
        lab.postgres.start();
        if (api == null || !api.isAlive()) {
            launchApi();
        }
        int missing = WORKERS - liveWorkers().size();
        if (missing > 0) {
            launchWorkers(missing);
        }
        List<TipoffProcess> all = new ArrayList<>(liveWorkers());
        all.add(api);
        awaitHealthy(all);
        recordStatusChanges();
        awaitConsumers(2 * liveWorkers().size());
        awaitQueueDrained();
        lab.rabbit.withChannel(channel -> channel.queuePurge(topology.deadLetterQueue()));
    }

    static void awaitHealthy(List<TipoffProcess> started) {
        CompletableFuture.allOf(started.stream()
                        .map(p -> CompletableFuture.runAsync(() -> p.awaitHealthy(START)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Each worker consumes with two consumers (two chunks in hand at most). */
    void awaitConsumers(int consumers) {
        Waits.until(consumers + " consumers on " + topology.queue(), START,
                () -> lab.rabbit.consumers(topology.queue()) == consumers);
    }

    TipoffProcess api() {
        return api;
    }

    /** Every worker started, dead or alive (their logs tell how chunks went). */
    List<TipoffProcess> workers() {
        return workers;
    }

    List<TipoffProcess> liveWorkers() {
        return workers.stream().filter(TipoffProcess::isAlive).toList();
    }

    Http http() {
        return http;
    }

    // --- jobs ---------------------------------------------------------------------------------------------------

    static String jobRequest() {
        return jobRequest(CHUNKS);
    }

    static String jobRequest(int chunks) {
        Map<String, Object> body = JobRequests.matchup((long) chunks * CHUNK_SIZE, SEED);
        body.put("chunkSize", CHUNK_SIZE);
        return JobRequests.json(body);
    }

    String submit() {
        return submit(CHUNKS);
    }

    String submit(int chunks) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", jobRequest(chunks));
        if (response.statusCode() != 202) {
            throw new AssertionError("job not accepted: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response).get("id").asString();
    }

    String status(String id) {
        return db.sql("select status from jobs where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    int chunksStored(String id) {
        return db.sql("select count(*) from chunk_results where job_id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single();
    }

    /** Chunks the dispatcher has released so far (published, or about to be). */
    int chunksReleased(String id) {
        return db.sql("select next_chunk from jobs where id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single();
    }

    /** Chunks released and not yet stored, over every open job: what the dispatch window bounds. */
    int chunksInFlight() {
        return db.sql("""
                        select coalesce(sum(next_chunk - chunks_completed), 0) from jobs
                        where status in ('QUEUED', 'RUNNING')""")
                .query(Integer.class).single();
    }

    void awaitStatus(String id, String status) {
        Waits.until("job " + id + " " + status, JOB, () -> status.equals(status(id)));
    }

    void awaitChunksStored(String id, int chunks) {
        Waits.until(chunks + " chunks of job " + id + " stored", JOB, () -> chunksStored(id) >= chunks);
    }

    /** When the last of these chunks was stored (by whichever worker). */
    Instant storedAt(String id, Iterable<Integer> chunks) {
        Instant last = Instant.EPOCH;
        for (int chunk : chunks) {
            Instant at = db.sql("select created_at from chunk_results where job_id = :id and chunk_index = :chunk")
                    .param("id", UUID.fromString(id)).param("chunk", chunk)
                    .query(java.sql.Timestamp.class).single().toInstant();
            last = at.isAfter(last) ? at : last;
        }
        return last;
    }

    /** When the first chunk (of the job) stored after a moment was stored. */
    Instant firstStoredAfter(String id, Instant moment) {
        return db.sql("select min(created_at) from chunk_results where job_id = :id and created_at > :moment")
                .param("id", UUID.fromString(id)).param("moment", java.sql.Timestamp.from(moment))
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    /** When the first chunk of any job stored after a moment was stored. */
    Instant firstStoredAfter(Instant moment) {
        return db.sql("select min(created_at) from chunk_results where created_at > :moment")
                .param("moment", java.sql.Timestamp.from(moment))
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    String result(String id) {
        HttpResponse<String> response = http.get("/api/v1/jobs/" + id + "/result");
        if (response.statusCode() != 200) {
            throw new AssertionError("no result for " + id + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    JsonNode job(String id) {
        return JSON.readTree(http.get("/api/v1/jobs/" + id).body());
    }

    /** A chunk message exactly as the api publishes it. */
    static String chunkMessage(String id, int chunk) {
        return JSON.writeValueAsString(new ChunkMessage(UUID.fromString(id), chunk, (long) chunk * CHUNK_SIZE,
                CHUNK_SIZE));
    }

    void publish(String contentType, String body) {
        lab.rabbit.publish(topology.exchange(), topology.routingKey(), contentType, body);
    }

    RabbitNode.QueueState chunkQueue() {
        return lab.rabbit.queues(topology.prefix()).get(topology.queue());
    }

    RabbitNode.QueueState deadLetterQueue() {
        return lab.rabbit.queues(topology.prefix()).get(topology.deadLetterQueue());
    }

    /**
     * Waits until no chunk is waiting or in a worker's hands; the count of chunks in hands takes the CLI, asked only
     * once none is waiting.
     */
    void awaitQueueDrained() {
        Waits.until(topology.queue() + " drained", JOB, Duration.ofSeconds(1),
                () -> lab.rabbit.ready(topology.queue()) == 0 && chunkQueue().total() == 0);
    }

    // --- status history -------------------------------------------------------------------------------------------

    /**
     * Records every change of a job's status or completion time, by a trigger the suite adds to its own database
     * (the product has no such table): the checker proves from it that a status was set once.
     */
    void recordStatusChanges() {
        if (db.sql("select exists (select 1 from pg_trigger where tgname = 'fault_status_history')")
                .query(Boolean.class).single()) {
            return; // a later api of the same scenario: the trigger is in place, and no change may slip by
        }
        db.sql("""
                create table if not exists fault_status_history (
                    job_id uuid, old_status text, new_status text, completed_at timestamptz,
                    at timestamptz default clock_timestamp())""").update();
        db.sql("""
                create or replace function fault_record_status() returns trigger language plpgsql as $$
                begin
                    if new.status is distinct from old.status or new.completed_at is distinct from old.completed_at
                    then
                        insert into fault_status_history (job_id, old_status, new_status, completed_at)
                        values (new.id, old.status, new.status, new.completed_at);
                    end if;
                    return new;
                end $$""").update();
        db.sql("""
                create trigger fault_status_history after update on jobs
                for each row execute function fault_record_status()""").update();
    }

    /** The job's status changes, oldest first, as {@code QUEUED>RUNNING}. */
    List<String> statusHistory(String id) {
        return db.sql("select old_status || '>' || new_status from fault_status_history where job_id = :id order by at")
                .param("id", UUID.fromString(id)).query(String.class).list();
    }

    @Override
    public void close() {
        processes.forEach(TipoffProcess::destroy);
        for (TipoffProcess process : processes) {
            try {
                process.awaitExit(Duration.ofMinutes(1));
            } catch (AssertionError ignored) {
                // reported by the scenario if it mattered
            }
        }
    }
}
