package io.tipoff.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.StalledConnections;
import io.tipoff.testing.Waits;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault-injection suite: an api and two workers run as processes (the built jars, as {@code bin/tipoff up} runs
 * them) on the suite's private RabbitMQ and PostgreSQL. Each scenario runs a job of 48 chunks, injects one fault, and
 * checks that no chunk was lost or counted twice, the result is byte for byte the undisturbed run's, the job's status
 * was set once, the chunk queue is empty and the dead-letter queue holds only what the scenario poisoned on purpose.
 * Each prints a {@code FAULT} line; all of them end up in {@code target/faults/summary.md}.
 *
 * <p>Run with {@code ./mvnw -B -Pfaults verify} (docs/RELIABILITY.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FaultLab lab;
    private static TipoffSystem system;
    private static Instant setupStarted;
    private static Instant scenarioStarted;

    @BeforeAll
    static void lab() {
        lab = FaultLab.get();
        system = lab.system;
    }

    @BeforeEach
    void ready() {
        setupStarted = Instant.now();
        system.ensureReady();
        scenarioStarted = Instant.now();
    }

    /** How long the scenario ran, after how long its setup (new JVMs for processes an earlier one killed) took. */
    private static String timing() {
        return String.format(java.util.Locale.ROOT, "scenario %.0f s after %.0f s of setup",
                FaultLab.seconds(scenarioStarted, Instant.now()), FaultLab.seconds(setupStarted, scenarioStarted));
    }

    @Test
    @Order(1)
    void aWorkerKilledMidChunkLosesNothing() {
        Hit hit = hitBusyWorker(TipoffProcess::kill);
        String id = hit.id();

        system.awaitStatus(id, "COMPLETED");
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(1, "kill -9 a worker mid-chunk", "`kill -9` of one of two workers while it plays chunks",
                verdict, 0, hit.at(), system.storedAt(id, hit.inHand()),
                "kill to its chunks in hand " + hit.inHand() + " stored by the other worker", "");
        verdict.assertClean(0);
    }

    @Test
    @Order(2)
    void killingEveryWorkerOnlyPausesTheJob() {
        List<TipoffProcess> workers = system.liveWorkers();
        String id = system.submit();
        busyWorker(system, id, workers);

        workers.forEach(TipoffProcess::kill);
        Set<Integer> inHand = new TreeSet<>();
        workers.forEach(worker -> inHand.addAll(ChunkLog.inHand(worker, id)));
        int stored = system.chunksStored(id);
        // Nothing is lost with no worker left: every chunk released and not stored is back in the queue, waiting (with
        // the copy of any chunk stored just before its worker died, unacknowledged); the rest waits undispatched.
        int released = system.chunksReleased(id);
        Waits.until("every released, unstored chunk ready in the queue", TipoffSystem.JOB, Duration.ofSeconds(1),
                () -> system.lab.rabbit.ready(system.topology.queue()) >= released - stored
                        && system.chunkQueue().unacknowledged() == 0);
        assertThat(system.chunksStored(id)).isEqualTo(stored);

        Instant restarted = Instant.now();
        system.startWorkers(TipoffSystem.WORKERS);
        system.awaitStatus(id, "COMPLETED");
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(2, "kill every worker, start new ones later",
                "`kill -9` of both workers; two new workers started once all " + (released - stored)
                        + " released, unstored chunks are back in the queue",
                verdict, 0, restarted, system.firstStoredAfter(id, restarted),
                "new workers launched to their first chunk stored (JVM start included)",
                "chunks in hand at the kill: " + inHand);
        verdict.assertClean(0);
    }

    @Test
    @Order(3)
    void aWorkerFrozenPastItsHeartbeatTimeoutChangesNothingWhenItWakes() {
        // Workers ask for a 5 s heartbeat: the broker gives up on a silent connection after about two of them.
        Hit hit = hitBusyWorker(TipoffProcess::freeze);
        String id = hit.id();
        system.awaitStatus(id, "COMPLETED");
        Instant recovered = system.storedAt(id, hit.inHand());
        JsonNode completed = system.job(id);
        String result = system.result(id);

        hit.victim().resume();
        // Its late writes of those chunks are absorbed, its acknowledgements go nowhere, and it consumes again.
        Waits.until("the woken worker's late writes", TipoffSystem.JOB,
                () -> ChunkLog.playedAfter(hit.victim(), id, hit.at()).stream().map(ChunkLog.Event::chunk).toList()
                        .containsAll(hit.inHand()));
        system.awaitConsumers(2 * TipoffSystem.WORKERS);
        List<String> lateWrites = ChunkLog.playedAfter(hit.victim(), id, hit.at()).stream()
                .map(e -> e.chunk() + " " + e.detail()).toList();
        assertThat(lateWrites).allMatch(write -> write.endsWith("DUPLICATE"));
        assertThat(system.job(id).get("completedAt")).isEqualTo(completed.get("completedAt"));
        assertThat(system.result(id)).isEqualTo(result);

        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(3, "kill -STOP a worker past the heartbeat timeout, then -CONT",
                "`kill -STOP` of a busy worker (heartbeat 5 s) until the job completes, then `kill -CONT`",
                verdict, 0, hit.at(), recovered,
                "freeze to its chunks in hand " + hit.inHand() + " stored by the other worker",
                "late writes on waking: " + lateWrites + ", completedAt and result unchanged");
        verdict.assertClean(0);
    }

    @Test
    @Order(4)
    void aWorkerAskedToStopFinishesItsChunksAndExits() {
        Hit hit = hitBusyWorker(TipoffProcess::terminate);
        String id = hit.id();
        int exitCode = hit.victim().awaitExit(Duration.ofMinutes(2));
        Instant exited = Instant.now();
        Set<Integer> finished = new TreeSet<>();
        ChunkLog.playedAfter(hit.victim(), id, hit.at().minusMillis(50)).forEach(e -> finished.add(e.chunk()));
        // Nothing left in its hands: what it held was stored and acknowledged (or handed back) before it exited.
        assertThat(ChunkLog.inHand(hit.victim(), id)).isEmpty();
        assertThat(hit.victim().logLines()).noneMatch(line -> line.contains("Workers not finished"));
        assertThat(exitCode).isIn(0, 143);

        system.awaitStatus(id, "COMPLETED");
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(4, "SIGTERM a worker mid-chunk", "`kill -TERM` of a worker while it plays chunks", verdict, 0,
                hit.at(), exited, "SIGTERM to exit (code " + exitCode + ")",
                "in hand at SIGTERM " + hit.inHand() + ", finished and stored by it before exiting " + finished);
        verdict.assertClean(0);
    }

    @Test
    @Order(5)
    void aBrokerKilledAndRestartedDuringSubmissionAndConsumptionLosesNothing() {
        String first = system.submit();
        system.awaitChunksStored(first, 4);

        // A crash rather than a clean stop (the soak does those): the node goes at once, mid-job.
        Instant down = Instant.now();
        lab.rabbit.crash();
        int storedAtCrash = system.chunksStored(first);
        // Accepted while the broker is down: stored with its chunk messages, published when it is back.
        String second = system.submit();
        assertThat(unsent(system, second)).isEqualTo(TipoffSystem.CHUNKS);
        lab.rabbit.start();
        Instant up = Instant.now();

        system.awaitStatus(first, "COMPLETED");
        system.awaitStatus(second, "COMPLETED");
        system.awaitConsumers(2 * TipoffSystem.WORKERS);
        Verdict verdict = Verdict.ofCompleted(system, List.of(first, second), lab.reference());
        report(5, "restart RabbitMQ during submission and consumption",
                "`kill -9` of the private node's Erlang VM mid-job, a job submitted while it is down, the node"
                        + " started again",
                verdict, 0, up, system.firstStoredAfter(up), "node up to the first chunk stored",
                String.format(java.util.Locale.ROOT, "node down %.1f s; first job had %d of %d chunks stored at"
                        + " the crash", FaultLab.seconds(down, up), storedAtCrash, TipoffSystem.CHUNKS));
        verdict.assertClean(0);
    }

    @Test
    @Order(6)
    void aWorkerWhoseConnectionTheBrokerClosesComesBack() {
        // The CLI takes a second or more per call, as long as a fifth of a job on a busy machine and half of one on a
        // fast one: the connections are looked up before the work starts, and four jobs make sure that the worker is
        // still busy when they close (with two, a fast machine had finished them by then).
        TipoffProcess victim = system.liveWorkers().get(0);
        List<String> connections = lab.rabbit.connections(victim.connectionNamePrefix("tipoff-worker"));
        assertThat(connections).isNotEmpty();
        List<String> jobs = List.of(system.submit(), system.submit(), system.submit(), system.submit());
        busyWorker(system, jobs.get(0), List.of(victim));

        Instant asked = Instant.now();
        lab.rabbit.closeConnections(connections, "closed by the fault-injection suite");
        // When the worker saw it go (the CLI returns a second or so later): the client's first word of it.
        Instant closed = ChunkLog.firstLine(victim, asked.minusSeconds(1), "connection driver error",
                "CONNECTION_FORCED");
        Set<Integer> inHand = new TreeSet<>();
        jobs.forEach(id -> inHand.addAll(ChunkLog.inHandAt(victim, id, closed)));
        assertThat(inHand).as("chunks in the worker's hands when its connection was closed").isNotEmpty();
        system.awaitConsumers(2 * TipoffSystem.WORKERS);
        Instant back = Instant.now();

        jobs.forEach(id -> system.awaitStatus(id, "COMPLETED"));
        Verdict verdict = Verdict.ofCompleted(system, jobs, lab.reference());
        report(6, "close a busy worker's connection from the broker",
                "`rabbitmqctl close_connection` of a busy worker's connections (four jobs queued)", verdict, 0,
                closed, back, "close to the worker's two consumers back on the queue",
                "chunks in hand at the close: " + inHand);
        verdict.assertClean(0);
    }

    @Test
    @Order(7)
    void aDatabaseRestartWhileResultsAreWrittenLosesNothingAndRefusesSubmissions() {
        String id = system.submit();
        system.awaitChunksStored(id, 8);
        List<TipoffProcess> workers = system.liveWorkers();
        Map<TipoffProcess, Long> retriesBefore = new HashMap<>();
        workers.forEach(worker -> retriesBefore.put(worker, databaseRetries(worker)));

        Instant down = Instant.now();
        lab.postgres.stop();
        HttpResponse<String> refused = system.http().postJson("/api/v1/jobs", TipoffSystem.jobRequest());
        // The outage lasts until both workers have reached a database step with the database gone: one that failed
        // and is retried, or one waiting for a connection the pool cannot open (for up to its 30 s timeout).
        Waits.until("every worker at a database step with the database down", TipoffSystem.JOB,
                Duration.ofMillis(200), () -> workers.stream().allMatch(worker -> waitingForDatabase(worker)
                        || databaseRetries(worker) > retriesBefore.get(worker)));
        lab.postgres.start();
        Instant up = Instant.now();

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        system.awaitStatus(id, "COMPLETED");
        // The refused submission left nothing behind: no job, no chunk message to publish. (The running job's chunks
        // are released into the outbox as it goes, so only other jobs' rows would betray the refused one.)
        assertThat(system.db.sql("select count(*) from jobs where created_at >= :down")
                .param("down", java.sql.Timestamp.from(down)).query(Long.class).single()).isZero();
        assertThat(system.db.sql("select count(*) from chunk_outbox where created_at >= :down and job_id <> :id")
                .param("down", java.sql.Timestamp.from(down)).param("id", UUID.fromString(id))
                .query(Long.class).single()).isZero();

        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(7, "restart PostgreSQL while results are written",
                "`pg_ctl stop -m fast` of the private cluster mid-job, a submission while it is down, started"
                        + " again",
                verdict, 0, up, system.firstStoredAfter(id, up), "database up to the first chunk stored",
                String.format(java.util.Locale.ROOT, "database down %.1f s; the submission meanwhile got %d %s,"
                                + " stored and published nothing",
                        FaultLab.seconds(down, up), refused.statusCode(),
                        refused.headers().firstValue("Content-Type").orElse("")));
        verdict.assertClean(0);
    }

    @Test
    @Order(8)
    void anApiKilledBetweenItsCommitAndItsPublishingLosesNoChunk() {
        // The shared api makes way (a clean stop, not the fault) for one that commits jobs but publishes nothing.
        system.api().terminate();
        system.api().awaitExit(Duration.ofMinutes(2));
        TipoffProcess first = system.launchApi("tipoff.jobs.relay-enabled=false");
        first.awaitHealthy(TipoffSystem.START);
        String id = system.submit();
        // Three relay intervals: an api with its relay on would have published by now; this one has not.
        Waits.sleep(Duration.ofSeconds(3));
        assertThat(unsent(system, id)).isEqualTo(TipoffSystem.CHUNKS);
        assertThat(system.chunkQueue().total()).isZero();

        first.kill();
        TipoffProcess second = system.launchApi();
        Instant launched = second.startedAt();
        second.awaitHealthy(TipoffSystem.START);
        Waits.until("the new api dispatching the job", TipoffSystem.JOB,
                () -> unsent(system, id) < TipoffSystem.CHUNKS);
        Instant published = Instant.now();
        system.awaitStatus(id, "COMPLETED");

        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(8, "kill the api after its commit, before publishing",
                "api started with `tipoff.jobs.relay-enabled=false`, job accepted (202), `kill -9`, a normal api"
                        + " started",
                verdict, 0, launched, published,
                "new api launched to its first chunks of the job published (JVM start included)", "");
        verdict.assertClean(0);
    }

    @Test
    @Order(9)
    void aChunkThatFailsEveryTimeIsDeadLetteredAndFailsItsJob() {
        int chunks = TipoffSystem.POISON_CHUNK + 12;
        Instant submitted = Instant.now();
        String id = system.submit(chunks);
        system.awaitStatus(id, "FAILED");
        Instant failed = Instant.now();
        system.awaitQueueDrained();

        String error = system.job(id).get("error").asString();
        int poison = TipoffSystem.POISON_CHUNK;
        assertThat(error).contains("chunk " + poison + " failed 3 times").contains("fails on purpose");
        assertThat(system.statusHistory(id)).containsExactly("QUEUED>RUNNING", "RUNNING>FAILED");
        assertThat(system.http().get("/api/v1/jobs/" + id + "/result").statusCode()).isEqualTo(409);
        Verdict.Counts counts = Verdict.Counts.of(system, id);
        assertThat(counts.countedChunks()).isEqualTo(counts.stored());
        assertThat(counts.countedGames()).isEqualTo(counts.storedGames());
        assertThat(system.db.sql("select count(*) from chunk_results where job_id = :id and chunk_index = :poison")
                .param("id", UUID.fromString(id)).param("poison", poison).query(Long.class).single()).isZero();
        List<DeadLetter> dead = deadLetters(system);
        assertThat(dead).hasSize(1);
        assertThat(JSON.readTree(dead.get(0).body())).isEqualTo(JSON.readTree(TipoffSystem.chunkMessage(id, poison)));
        assertThat(dead.get(0).exceptionMessage()).contains("fails on purpose");

        Verdict verdict = new Verdict(chunks, 0, 0, -1, 1, true, system.chunkQueue().total(), dead.size(),
                ChunkLog.count(system.workers(), id, ChunkLog.Kind.TAKEN) - counts.stored());
        report(9, "a chunk that throws every time",
                "workers started with the test hook `tipoff.worker.fault.fail-chunk=" + poison + "`; a job of "
                        + chunks + " chunks", verdict, 1, submitted,
                failed, "submission to the job FAILED (3 attempts, then dead-lettered)",
                "job FAILED with error \"" + error.substring(0, Math.min(60, error.length())) + "…\"; "
                        + counts.stored() + " chunks stored before it failed, counted once; the rest dropped");
        assertThat(verdict.queued()).isZero();
    }

    @Test
    @Order(10)
    void malformedMessagesGoStraightToTheDeadLetterQueue() {
        String id = system.submit();
        system.awaitChunksStored(id, 4);

        long third = 3L * TipoffSystem.CHUNK_SIZE;
        List<String> poison = List.of(
                "{\"jobId\": \"not json at all",
                "{\"jobId\": \"" + id + "\", \"chunkIndex\": 3, \"firstGame\": " + third + ", \"games\": 0}",
                "{\"jobId\": \"" + id + "\", \"chunkIndex\": 999, \"firstGame\": "
                        + 999L * TipoffSystem.CHUNK_SIZE + ", \"games\": " + TipoffSystem.CHUNK_SIZE + "}",
                "{\"jobId\": \"" + id + "\", \"chunkIndex\": 3, \"firstGame\": " + third + ", \"games\": 1}");
        long waiting = system.lab.rabbit.ready(system.topology.queue());
        Instant published = Instant.now();
        for (String body : poison) {
            system.publish("application/json", body);
        }
        system.publish("text/plain", "play chunk 3, please");
        Waits.until("five dead letters", TipoffSystem.JOB,
                () -> system.lab.rabbit.ready(system.topology.deadLetterQueue()) == 5);
        Instant deadLettered = Instant.now();

        system.awaitStatus(id, "COMPLETED");
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        Set<String> bodies = new HashSet<>();
        deadLetters(system).forEach(letter -> bodies.add(letter.body()));
        List<String> expected = new ArrayList<>(poison);
        expected.add("play chunk 3, please");
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(expected);
        report(10, "a malformed message",
                "published by hand mid-job: not JSON; games 0; chunk 999 of a 48-chunk job; chunk 3 with 1 game;"
                        + " text/plain",
                verdict, 5, published, deadLettered, "publish to all five in the dead-letter queue",
                "published behind " + waiting + " chunks of the job waiting in the queue; its result unchanged");
        verdict.assertClean(5);
    }

    @Test
    @Order(11)
    void chunksRepublishedAfterTheirJobCompletedChangeNothing() {
        String id = system.submit();
        system.awaitStatus(id, "COMPLETED");
        JsonNode completed = system.job(id);
        String result = system.result(id);

        Instant published = Instant.now();
        for (int chunk = 0; chunk < TipoffSystem.CHUNKS; chunk++) {
            system.publish("application/json", TipoffSystem.chunkMessage(id, chunk));
        }
        system.awaitQueueDrained();
        Instant drained = Instant.now();

        assertThat(ChunkLog.count(system.workers(), id, ChunkLog.Kind.SKIPPED)).isEqualTo(TipoffSystem.CHUNKS);
        assertThat(system.job(id).get("completedAt")).isEqualTo(completed.get("completedAt"));
        assertThat(system.result(id)).isEqualTo(result);
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(11, "a chunk republished by hand after it completed",
                "all 48 chunk messages of the completed job published again by hand", verdict, 0, published,
                drained, "publish to all 48 copies acknowledged without playing",
                "completedAt and result unchanged");
        verdict.assertClean(0);
    }

    @Test
    @Order(12)
    void aSoakOfRandomKillsAndRestartsLosesNothing() {
        // Seed 3 deals, 66 s to 209 s in: PostgreSQL restarted, the api killed, a worker killed, a worker frozen,
        // RabbitMQ restarted.
        long seed = Long.getLong("faults.soak.seed", 3);
        Duration length = Duration.parse(System.getProperty("faults.soak.length", "PT3M40S"));
        Random random = new Random(seed);
        List<String> jobs = new ArrayList<>();
        List<String> injected = new ArrayList<>();
        List<Instant> faultsOver = new ArrayList<>();
        Instant start = Instant.now();
        Instant nextFault = start.plusSeconds(30 + random.nextInt(61));
        // Jobs keep coming, two at a time, for the whole soak, until there are 200 chunks or more, and until one has
        // come after the last fault (whose repair may end after the soak's length, with every job done meanwhile).
        Instant lastSubmitted = start;
        while (Instant.now().isBefore(start.plus(length)) || jobs.size() * TipoffSystem.CHUNKS < 200
                || !faultsOver.isEmpty() && lastSubmitted.isBefore(faultsOver.get(faultsOver.size() - 1))) {
            if (unfinished(jobs) < 2) {
                Instant submitted = Instant.now();
                java.util.Optional<String> job = submitOnce("soak-" + jobs.size());
                if (job.isPresent()) {
                    jobs.add(job.get());
                    lastSubmitted = submitted;
                }
            }
            if (Instant.now().isAfter(nextFault)) {
                Instant faultStarted = Instant.now();
                injected.add(Math.round(FaultLab.seconds(start, faultStarted)) + " s: " + injectRandomFault(random));
                faultsOver.add(Instant.now());
                nextFault = faultStarted.plusSeconds(30 + random.nextInt(61));
            }
            Waits.sleep(Duration.ofMillis(500));
        }
        Instant lastFault = faultsOver.isEmpty() ? start : faultsOver.get(faultsOver.size() - 1);
        jobs.forEach(id -> system.awaitStatus(id, "COMPLETED"));
        Instant done = Instant.now();

        List<Double> resumed = new ArrayList<>();
        List<String> perFault = new ArrayList<>();
        for (int i = 0; i < faultsOver.size(); i++) {
            resumed.add(FaultLab.seconds(faultsOver.get(i), system.firstStoredAfter(faultsOver.get(i))));
            perFault.add(injected.get(i) + String.format(java.util.Locale.ROOT, " (next chunk %.1f s after)",
                    resumed.get(i)));
        }
        Verdict verdict = Verdict.ofCompleted(system, jobs, lab.reference());
        lab.report(new Outcome(12, "soak: random kills and restarts every 30–90 s",
                injected.size() + " faults over " + Math.round(FaultLab.seconds(start, done)) + " s (seed " + seed
                        + ", each fault repaired at once: a new process for one killed)",
                verdict, 0, resumed.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                "the longest wait from a fault's repair to the next chunk stored",
                String.join("; ", perFault) + String.format(java.util.Locale.ROOT,
                        "; %d jobs; the last completed %.1f s after the last fault", jobs.size(),
                        FaultLab.seconds(lastFault, done)), timing()));
        verdict.assertClean(0);
    }

    /** Jobs of the soak not completed yet; while the database is down, as many as there are. */
    @Test
    @Order(13)
    void anApiKilledMidDispatchLosesNothingAndReleasesNothingTwice() {
        String id = system.submit();
        system.awaitChunksStored(id, 6);
        int releasedAtKill = system.chunksReleased(id);
        Instant killed = Instant.now();
        system.api().kill();
        TipoffProcess api = system.launchApi();
        api.awaitHealthy(TipoffSystem.START);
        Waits.until("the new api dispatching the job's next chunk", TipoffSystem.JOB,
                () -> system.chunksReleased(id) > releasedAtKill || "COMPLETED".equals(system.status(id)));
        Instant dispatching = Instant.now();
        system.awaitStatus(id, "COMPLETED");

        assertThat(system.db.sql("select count(*), count(distinct chunk_index) from chunk_outbox where job_id = :id")
                .param("id", UUID.fromString(id)).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly((long) TipoffSystem.CHUNKS, (long) TipoffSystem.CHUNKS);
        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(13, "kill the api mid-dispatch", "`kill -9` of the api while it releases a running job's chunks"
                        + " a window at a time, a new api started",
                verdict, 0, killed, dispatching, "kill to the new api's first release (JVM start included)",
                releasedAtKill + " of " + TipoffSystem.CHUNKS + " chunks released at the kill; every chunk released"
                        + " once");
        verdict.assertClean(0);
    }

    @Test
    @Order(14)
    void twoApisDispatchingAtOnceKeepTheWindowAndCountEveryChunkOnce() {
        TipoffProcess first = system.api();
        Http toFirst = new Http(first.port());
        TipoffProcess second = system.launchApi();
        second.awaitHealthy(TipoffSystem.START);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(Http.json(toFirst.postJson("/api/v1/jobs", TipoffSystem.jobRequest())).get("id").asString());
            ids.add(system.submit());
        }
        // Two workers of two batch consumers each: a batch window of 2 × 4 = 8 chunks in flight, whichever api
        // decides.
        int window = 2 * 2 * TipoffSystem.WORKERS;
        AtomicInteger mostSeen = new AtomicInteger();
        Instant started = Instant.now();
        Waits.until("the four jobs finished (chunks in flight sampled meanwhile)", TipoffSystem.JOB,
                Duration.ofMillis(50), () -> {
                    mostSeen.accumulateAndGet(system.chunksInFlight(), Math::max);
                    return unfinished(ids) == 0;
                });
        int most = mostSeen.get();
        Instant done = Instant.now();
        first.terminate();
        first.awaitExit(Duration.ofMinutes(2));

        assertThat(most).as("chunks in flight at most").isLessThanOrEqualTo(window);
        Verdict verdict = Verdict.ofCompleted(system, ids, lab.reference());
        report(14, "two apis dispatching at once", "a second api started beside the first, two jobs submitted to"
                        + " each, both dispatching under the shared advisory lock",
                verdict, 0, started, done, "four jobs, submission to the last completed",
                "most chunks in flight seen " + most + " (window " + window + ")");
        verdict.assertClean(0);
    }

    @Test
    @Order(15)
    void aWorkerKilledWhileItPlaysAnInteractiveChunkLosesNothing() {
        // One chunk of 1,000,000 games: the interactive lane, about a second of one thread.
        String request = JobRequests.json(JobRequests.matchup(1_000_000, TipoffSystem.SEED));
        String undisturbed = Http.json(system.http().postJson("/api/v1/jobs", request)).get("id").asString();
        system.awaitStatus(undisturbed, "COMPLETED");
        String reference = system.result(undisturbed);

        String id = Http.json(system.http().postJson("/api/v1/jobs", request)).get("id").asString();
        assertThat(system.job(id).get("lane").asString()).isEqualTo("INTERACTIVE");
        AtomicReference<TipoffProcess> holder = new AtomicReference<>();
        Waits.until("a worker playing the interactive chunk", TipoffSystem.JOB, Duration.ofMillis(20), () -> {
            for (TipoffProcess worker : system.liveWorkers()) {
                if (!ChunkLog.inHand(worker, id).isEmpty()) {
                    holder.set(worker);
                    return true;
                }
            }
            return false;
        });
        holder.get().kill();
        Instant killed = Instant.now();
        Set<Integer> inHand = ChunkLog.inHandAt(holder.get(), id, killed);
        system.awaitStatus(id, "COMPLETED");

        Verdict verdict = Verdict.ofCompleted(system, List.of(id), reference);
        report(15, "kill -9 a worker holding an interactive chunk", "`kill -9` of the worker playing a one-chunk"
                        + " job's chunk (the interactive lane)",
                verdict, 0, killed, system.storedAt(id, List.of(0)), "kill to the chunk stored by the other worker",
                "in hand at the kill: " + inHand);
        verdict.assertClean(0);
    }

    @Test
    @Order(16)
    void aJobCancelledDuringDispatchStopsAtOnceAndOthersCarryOn() {
        String cancelled = system.submit();
        String other = system.submit();
        system.awaitChunksStored(cancelled, 4);
        Instant at = Instant.now();
        assertThat(system.http().delete("/api/v1/jobs/" + cancelled).statusCode()).isEqualTo(200);
        int released = system.chunksReleased(cancelled);
        system.awaitStatus(other, "COMPLETED");
        Instant done = Instant.now();

        assertThat(system.status(cancelled)).isEqualTo("CANCELLED");
        assertThat(system.chunksReleased(cancelled)).isEqualTo(released).isLessThan(TipoffSystem.CHUNKS);
        assertThat(system.db.sql("select count(*) from chunk_outbox where job_id = :id and sent_at is null")
                .param("id", UUID.fromString(cancelled)).query(Long.class).single()).isZero();
        assertThat(system.chunksStored(cancelled)).isLessThanOrEqualTo(released);
        Verdict verdict = Verdict.ofCompleted(system, List.of(other), lab.reference());
        report(16, "cancel a job during dispatch", "DELETE of a running job while another runs beside it",
                verdict, 0, at, done, "cancel to the other job completed",
                "cancelled job: " + released + " of " + TipoffSystem.CHUNKS + " chunks released, none after the"
                        + " cancel, " + system.chunksStored(cancelled) + " stored");
        verdict.assertClean(0);
    }

    @Test
    @Order(17)
    void aJobTooLargeForAnyWorkerIsRefusedWhileOthersRunAndOneAtTheEdgeCompletes() {
        List<TipoffProcess> workers = system.liveWorkers();
        String first = system.submit();
        system.awaitChunksStored(first, 2);
        long jobsBefore = system.db.sql("select count(*) from jobs").query(Long.class).single();

        // The probe's poison, three in a row (15 GB of model by the estimate), and the first power of two past the
        // budget (128 teams, 953 MB): each answered at once, none stored.
        Instant at = Instant.now();
        List<String> refusals = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        for (int teams : new int[] {512, 512, 512, 128}) {
            Instant sent = Instant.now();
            HttpResponse<String> response = system.http().postJson("/api/v1/jobs",
                    JobRequests.json(JobRequests.inlineBracket(teams, 10_000, refusals.size())));
            Duration took = Duration.between(sent, Instant.now());
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = Http.json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("tournament.teams");
            assertThat(error.get("message").asString()).contains("(a bracket of " + teams + " teams")
                    .endsWith("the limit is 300 MB (tipoff.jobs.max-model-memory)");
            refusals.add(teams + " teams: " + response.statusCode() + " \"" + error.get("message").asString()
                    .replaceFirst(" of model memory on a worker.*", "") + "\"");
        }
        assertThat(system.db.sql("select count(*) from jobs").query(Long.class).single()).isEqualTo(jobsBefore);

        // Beside them, a normal job, and a 64-team bracket just under the budget (up to 236 MB): accepted and played.
        String second = system.submit();
        Map<String, Object> edge = JobRequests.inlineBracket(64, 200, TipoffSystem.SEED);
        edge.put("chunkSize", 100);
        String bracket = accepted(system.http().postJson("/api/v1/jobs", JobRequests.json(edge)));
        List.of(first, second, bracket).forEach(id -> system.awaitStatus(id, "COMPLETED"));
        Instant done = Instant.now();
        // The same bracket again, alone: the same result, byte for byte.
        String again = accepted(system.http().postJson("/api/v1/jobs", JobRequests.json(edge)));
        system.awaitStatus(again, "COMPLETED");
        assertThat(system.result(again)).isEqualTo(system.result(bracket));
        assertThat(workers).allMatch(TipoffProcess::isAlive);
        assertThat(system.liveWorkers()).containsExactlyElementsOf(workers);

        Verdict verdict = Verdict.ofCompleted(system, List.of(first, second), lab.reference());
        report(17, "a job too large for any worker beside normal ones",
                "three 512-team inline brackets and a 128-team one (over the 300 MB model budget) posted while a job"
                        + " runs; then a second job and a 64-team bracket (236 MB, under it)",
                verdict, 0, at, done, "first refusal sent to the three accepted jobs completed",
                String.join("; ", refusals) + String.format(java.util.Locale.ROOT, " (slowest answer %d ms)",
                        slowest.toMillis()) + "; no job stored for them; the 64-team bracket COMPLETED, its result the"
                        + " same as a second run's; both workers alive throughout, never restarted");
        verdict.assertClean(0);
    }

    @Test
    @Order(18)
    void aWorkerThatRunsOutOfMemoryExitsAtOnceAndItsChunksArePlayedByAnother() {
        // Started as every launcher starts a worker (-XX:+ExitOnOutOfMemoryError), on a small heap, with the test hook
        // that fills the heap with the first chunk it takes.
        TipoffProcess victim = system.launchWorker(List.of("-XX:+UseSerialGC", "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError"), "tipoff.worker.fault.exhaust-memory=true");
        victim.awaitHealthy(TipoffSystem.START);
        system.awaitConsumers(2 * system.liveWorkers().size());

        Instant submitted = Instant.now();
        String id = system.submit();
        int exitCode = victim.awaitExit(TipoffSystem.JOB);
        Instant exited = Instant.now();
        Set<Integer> inHand = ChunkLog.inHand(victim, id);
        assertThat(inHand).as("chunks the victim took and never finished").isNotEmpty();
        assertThat(exitCode).isEqualTo(3);
        assertThat(victim.logLines()).anyMatch(line -> line.contains("Terminating due to java.lang.OutOfMemoryError"));
        system.awaitStatus(id, "COMPLETED");
        Instant recovered = system.storedAt(id, inHand);
        assertThat(system.db.sql("select count(*) from chunk_results where job_id = :id and worker like :victim")
                .param("id", UUID.fromString(id)).param("victim", victim.pid() + "@%")
                .query(Long.class).single()).isZero();

        Verdict verdict = Verdict.ofCompleted(system, List.of(id), lab.reference());
        report(18, "a worker runs out of memory", "a third worker, `-Xmx256m -XX:+ExitOnOutOfMemoryError`, with the"
                        + " test hook `tipoff.worker.fault.exhaust-memory` (each chunk it takes fills its heap)",
                verdict, 0, exited, recovered,
                "exit (code " + exitCode + ") to its chunks in hand " + inHand + " stored by the other workers",
                String.format(java.util.Locale.ROOT, "it exited %.1f s after the submission, logging \"Terminating"
                        + " due to java.lang.OutOfMemoryError\"; no chunk stored by it", FaultLab.seconds(submitted,
                        exited)));
        verdict.assertClean(0);
    }

    @Test
    @Order(19)
    void stalledConnectionsNeitherStarveTheApiNorDisturbARunningJob() throws IOException {
        // A public api, with keys: the shared (open) api makes way for it, as in scenario 8.
        system.api().terminate();
        system.api().awaitExit(Duration.ofMinutes(2));
        TipoffProcess api = system.launchApi("tipoff.security.api-keys=faults:" + FAULT_KEY);
        api.awaitHealthy(TipoffSystem.START);
        Http keyed = system.http().withHeader("X-API-Key", FAULT_KEY);
        String first = accepted(keyed.postJson("/api/v1/jobs", TipoffSystem.jobRequest()));
        system.awaitChunksStored(first, 4);

        try (StalledConnections connections = new StalledConnections(api.port())) {
            Instant opened = Instant.now();
            // Without a key, a large body declared and one byte of it sent; with a key, more than the 1 MB limit
            // declared; and clients stalled inside their headers.
            List<Socket> unkeyed = new ArrayList<>();
            for (int i = 0; i < STALLED_BODIES; i++) {
                unkeyed.add(connections.open(StalledConnections.post("", 1_000_000, "{")));
            }
            List<Socket> tooLarge = new ArrayList<>();
            for (int i = 0; i < STALLED_TOO_LARGE; i++) {
                tooLarge.add(connections.open(StalledConnections.post("X-API-Key: " + FAULT_KEY + "\r\n",
                        10_000_000, "{")));
            }
            for (int i = 0; i < STALLED_HEADERS; i++) {
                connections.open(StalledConnections.cutHead());
            }

            Instant asked = Instant.now();
            HttpResponse<String> health = system.http().get("/actuator/health");
            Duration healthTook = Duration.between(asked, Instant.now());
            asked = Instant.now();
            HttpResponse<String> submitted = keyed.postJson("/api/v1/jobs", TipoffSystem.jobRequest());
            Duration submissionTook = Duration.between(asked, Instant.now());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(healthTook).isLessThan(Duration.ofSeconds(1));
            assertThat(submissionTook).isLessThan(Duration.ofSeconds(1));
            String second = accepted(submitted);

            for (Socket socket : unkeyed) {
                assertThat(StalledConnections.answerAndClose(socket)).startsWith("HTTP/1.1 401 ")
                        .contains("application/problem+json");
            }
            for (Socket socket : tooLarge) {
                assertThat(StalledConnections.answerAndClose(socket)).startsWith("HTTP/1.1 413 ")
                        .contains("application/problem+json");
            }
            Instant answered = Instant.now();
            system.awaitStatus(first, "COMPLETED");
            system.awaitStatus(second, "COMPLETED");

            Verdict verdict = Verdict.ofCompleted(system, List.of(first, second), lab.reference());
            report(19, "stalled connections while a job runs", "an api with keys; mid-job, " + STALLED_BODIES
                            + " connections without a key declaring 1,000,000 bytes and sending one, "
                            + STALLED_TOO_LARGE + " keyed ones declaring 10,000,000, " + STALLED_HEADERS
                            + " stalled in their headers, all held open",
                    verdict, 0, opened, answered, "connections opened to every refused one answered and closed",
                    "meanwhile health " + health.statusCode() + " in " + healthTook.toMillis() + " ms, a submission "
                            + submitted.statusCode() + " in " + submissionTook.toMillis() + " ms; "
                            + STALLED_BODIES + " × 401, " + STALLED_TOO_LARGE + " × 413, each connection closed");
            verdict.assertClean(0);
        } finally {
            // The next scenario gets an open api again.
            api.terminate();
            api.awaitExit(Duration.ofMinutes(2));
        }
    }

    private static final String FAULT_KEY = "faults-key-0123456789abcdef";
    private static final int STALLED_BODIES = 200;
    private static final int STALLED_TOO_LARGE = 50;
    private static final int STALLED_HEADERS = 50;

    /** The id of an accepted job; fails on any other answer. */
    private static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    private static long unfinished(List<String> jobs) {
        try {
            return jobs.stream().filter(id -> !system.status(id).equals("COMPLETED")).count();
        } catch (RuntimeException e) {
            return jobs.size();
        }
    }

    /**
     * Submits a job with an idempotency key: a retry after an answer lost to a fault (the api killed just after its
     * commit) gets the same job, never a second one. Empty while the api is down or refuses (503).
     */
    private static java.util.Optional<String> submitOnce(String key) {
        try {
            HttpResponse<String> response = system.http().postJson("/api/v1/jobs", TipoffSystem.jobRequest(),
                    "Idempotency-Key", key);
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                return java.util.Optional.of(Http.json(response).get("id").asString());
            }
        } catch (RuntimeException e) {
            // the api is down: try again on the next round
        }
        return java.util.Optional.empty();
    }

    /** The soak's kinds of fault, dealt from a shuffled deck so that a few faults are of different kinds. */
    private static final List<Integer> DECK = new ArrayList<>();

    /** One fault of the soak, chosen at random, with the repair that follows it; says what it did. */
    private static String injectRandomFault(Random random) {
        List<TipoffProcess> workers = system.liveWorkers();
        TipoffProcess worker = workers.get(random.nextInt(workers.size()));
        if (DECK.isEmpty()) {
            for (int kind = 0; kind < 7; kind++) {
                DECK.add(kind);
            }
            java.util.Collections.shuffle(DECK, random);
        }
        switch (DECK.remove(0)) {
            case 0 -> {
                worker.kill();
                system.launchWorkers(1);
                return "kill -9 " + worker.name();
            }
            case 1 -> {
                worker.terminate();
                worker.awaitExit(Duration.ofMinutes(2));
                system.launchWorkers(1);
                return "SIGTERM " + worker.name();
            }
            case 2 -> {
                worker.freeze();
                Waits.sleep(Duration.ofSeconds(15));
                worker.resume();
                return "kill -STOP " + worker.name() + " for 15 s";
            }
            case 3 -> {
                lab.rabbit.stop();
                lab.rabbit.start();
                return "restart RabbitMQ (rabbitmqctl stop, start)";
            }
            case 4 -> {
                lab.postgres.stop();
                Waits.sleep(Duration.ofSeconds(3));
                lab.postgres.start();
                return "restart PostgreSQL (pg_ctl stop -m fast, 3 s, start)";
            }
            case 5 -> {
                system.api().kill();
                system.launchApi();
                return "kill -9 the api";
            }
            default -> {
                lab.rabbit.closeConnections(lab.rabbit.connections(worker.connectionNamePrefix("tipoff-worker")),
                        "closed by the soak");
                return "close " + worker.name() + "'s connection";
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A job under way, the worker a fault hit while it had chunks of it in hand, when, and those chunks. */
    private record Hit(String id, TipoffProcess victim, Instant at, Set<Integer> inHand) {
    }

    /** Submits the job, waits for a worker with chunks of it in hand, and hits that worker with the fault. */
    private static Hit hitBusyWorker(java.util.function.Consumer<TipoffProcess> fault) {
        String id = system.submit();
        TipoffProcess victim = busyWorker(system, id, system.liveWorkers());
        fault.accept(victim);
        // The moment the fault has landed, not the moment before: sending a signal forks `kill`, and a chunk the
        // worker finished meanwhile was finished before the fault, not in hand when it struck.
        Instant at = Instant.now();
        Set<Integer> inHand = ChunkLog.inHandAt(victim, id, at);
        assertThat(inHand).as("chunks in the hands of %s when it was hit", victim).isNotEmpty();
        return new Hit(id, victim, at, inHand);
    }

    /** Waits until the job is under way, then for a worker that has a chunk in hand. */
    static TipoffProcess busyWorker(TipoffSystem system, String id, List<TipoffProcess> candidates) {
        system.awaitChunksStored(id, 6);
        AtomicReference<TipoffProcess> busy = new AtomicReference<>();
        Waits.until("a worker with a chunk in hand", TipoffSystem.JOB, () -> {
            for (TipoffProcess worker : candidates) {
                if (worker.isAlive() && !ChunkLog.inHand(worker, id).isEmpty()) {
                    busy.set(worker);
                    return true;
                }
            }
            return false;
        });
        return busy.get();
    }

    /** Chunks not published yet: not released by the dispatcher, or released and not confirmed by the broker. */
    /** The database steps a worker has begun to retry (it logs the first failure of each, then retries quietly). */
    static long databaseRetries(TipoffProcess worker) {
        return worker.logLines().stream().filter(line -> line.contains("Database unavailable, retrying")).count();
    }

    /** Whether a thread of the worker waits for a database connection ({@code hikaricp_connections_pending}). */
    static boolean waitingForDatabase(TipoffProcess worker) {
        return new Http(worker.port()).get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("hikaricp_connections_pending{"))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0);
    }

    static long unsent(TipoffSystem system, String id) {
        return system.db.sql("""
                        select j.chunks - j.next_chunk
                               + (select count(*) from chunk_outbox o where o.job_id = j.id and o.sent_at is null)
                        from jobs j where j.id = :id""")
                .param("id", UUID.fromString(id)).query(Long.class).single();
    }

    record DeadLetter(String body, String exceptionMessage) {
    }

    /** Reads the dead-letter queue without taking anything from it. */
    static List<DeadLetter> deadLetters(TipoffSystem system) {
        return system.lab.rabbit.withChannel(channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            List<Long> tags = new ArrayList<>();
            GetResponse response;
            while ((response = channel.basicGet(system.topology.deadLetterQueue(), false)) != null) {
                Object message = response.getProps().getHeaders() == null ? null
                        : response.getProps().getHeaders().get("x-exception-message");
                letters.add(new DeadLetter(new String(response.getBody(), StandardCharsets.UTF_8),
                        message == null ? "" : message.toString()));
                tags.add(response.getEnvelope().getDeliveryTag());
            }
            for (long tag : tags) {
                channel.basicNack(tag, false, true);
            }
            return letters;
        });
    }

    static void report(int number, String scenario, String injection, Verdict verdict, long expectedDeadLetters,
                       Instant from, Instant to, String recovery, String note) {
        lab.report(new Outcome(number, scenario, injection, verdict, expectedDeadLetters,
                FaultLab.seconds(from, to), recovery, note, timing()));
    }
}
