package io.tipoff.api.config;

import io.tipoff.messaging.ChunkTopology;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.SimulationSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The api's settings, under {@code tipoff.*}.
 *
 * @param jobs       limits and chunking of submitted jobs
 * @param simulation engine settings stored with each new job
 * @param messaging  names of the RabbitMQ objects
 * @param teams      importing team data
 * @param security   who may change state, and read
 * @param events     the server-sent events of {@code GET /api/v1/jobs/{id}/events}
 * @param retention  what is removed when, on a schedule
 */
@ConfigurationProperties("tipoff")
public record ApiProperties(@DefaultValue Jobs jobs, @DefaultValue Simulation simulation,
                            @DefaultValue Messaging messaging, @DefaultValue Teams teams,
                            @DefaultValue Security security, @DefaultValue Events events,
                            @DefaultValue Retention retention) {

    /**
     * @param idempotencyKeys how long an {@code Idempotency-Key} finds its job; a retry after that makes a new one
     * @param chunkResults    how long after a job finished its per-chunk aggregates are kept (its result stays)
     * @param interval        how often a round runs (on one api instance at a time)
     * @param batchSize       chunk rows deleted per statement; a round runs at most ten
     */
    public record Retention(@DefaultValue("24h") Duration idempotencyKeys,
                            @DefaultValue("7d") Duration chunkResults,
                            @DefaultValue("10m") Duration interval,
                            @DefaultValue("5000") int batchSize) {

        public Retention {
            if (idempotencyKeys.isNegative() || chunkResults.isNegative() || interval.isNegative()
                    || interval.isZero() || batchSize < 1) {
                throw new IllegalArgumentException("tipoff.retention.* must be positive");
            }
        }
    }

    /**
     * @param maxSimulations   the most games one job may ask for
     * @param defaultChunkSize games per chunk when a job does not say; about 0.3 s of a 2-core worker (PERFORMANCE.md)
     * @param defaultTournamentChunkSize tournaments per chunk when a TOURNAMENT job does not say (a 68-team bracket is
     *                         67 games)
     * @param maxChunks        the most chunks one job may be split into
     * @param publishTimeout   how long the outbox relay waits for the broker to confirm a batch of chunks (the relay
     *                         runs after every dispatch round)
     * @param reconcileAfter   a job whose chunks were all sent but none stored for this long, while the queue holds
     *                         nothing ready, has its missing chunks sent again (checked every
     *                         {@code tipoff.jobs.reconcile-check}, 10 s); longer than the slowest chunk takes
     * @param maxSends         a chunk sent this many times without completing fails its job
     * @param maxRunningPerKey the most unfinished (QUEUED or RUNNING) jobs one API key may have; a submission beyond
     *                         it is refused (429). With no keys configured every submitter counts as "anonymous".
     * @param maxRequestSize   the largest JSON request body (a job submission) the api reads; larger is 413. Neither
     *                         Tomcat nor Spring limit a body that is not a form, and a body is read whole into memory.
     * @param relayEnabled     whether this api dispatches and publishes chunks; false leaves that to another api
     *                         instance (the fault-injection suite uses it to kill an api between its commit and its
     *                         publishing)
     * @param windowPerConsumer chunks a lane may have in flight (released, not yet stored) per consumer of its queue:
     *                         2 lets every consumer hold one chunk with the next one waiting (docs/SCHEDULING.md)
     * @param interactiveMaxGames a job of one chunk and at most this many games (simulations × games per simulation)
     *                         travels on the interactive lane
     * @param minChunkGames    the fewest games a chunk may hold (but a job smaller than this is one chunk): a chunk
     *                         costs a message, a transaction and a row whatever its size, so tiny chunks are refused
     * @param maxQueuedGamesPerKey the most games one key's unfinished jobs may still have to play; a submission beyond
     *                         it is refused (429)
     * @param targetChunkSize  simulations per chunk of a job with a precision target that does not say: small, since
     *                         the job stops at the first prefix of chunks that meets its target
     * @param maxModelMemory   the most memory a job's model may take on a worker, estimated before it is accepted
     *                         ({@code ModelMemory}: 120 KB per pair of teams that can meet; a 68-team bracket 267 MB);
     *                         a larger job is refused (400). Workers must be sized for it (README, Memory).
     */
    public record Jobs(@DefaultValue("1000000000") long maxSimulations,
                       @DefaultValue("1000000") int defaultChunkSize,
                       @DefaultValue("10000") int defaultTournamentChunkSize,
                       @DefaultValue("100000") int maxChunks,
                       @DefaultValue("10s") Duration publishTimeout,
                       @DefaultValue("2m") Duration reconcileAfter,
                       @DefaultValue("5") int maxSends,
                       @DefaultValue("100") int maxRunningPerKey,
                       @DefaultValue("1MB") DataSize maxRequestSize,
                       @DefaultValue("true") boolean relayEnabled,
                       @DefaultValue("2") int windowPerConsumer,
                       @DefaultValue("1000000") long interactiveMaxGames,
                       @DefaultValue("5000") int minChunkGames,
                       @DefaultValue("10000000000") long maxQueuedGamesPerKey,
                       @DefaultValue("5000") int targetChunkSize,
                       @DefaultValue("300MB") DataSize maxModelMemory) {

        public Jobs {
            if (maxSimulations < 1 || defaultChunkSize < 1 || defaultTournamentChunkSize < 1 || maxChunks < 1) {
                throw new IllegalArgumentException("tipoff.jobs.max-simulations, default-chunk-size and max-chunks "
                        + "must be at least 1");
            }
            if (maxSends < 1 || reconcileAfter.isNegative() || reconcileAfter.isZero()) {
                throw new IllegalArgumentException("tipoff.jobs.max-sends and reconcile-after must be positive");
            }
            if (windowPerConsumer < 1 || interactiveMaxGames < 0 || minChunkGames < 1 || maxQueuedGamesPerKey < 1
                    || targetChunkSize < 1) {
                throw new IllegalArgumentException("tipoff.jobs.window-per-consumer, min-chunk-games, "
                        + "max-queued-games-per-key and target-chunk-size must be positive");
            }
            if (maxRunningPerKey < 1 || maxRequestSize.toBytes() < 1) {
                throw new IllegalArgumentException("tipoff.jobs.max-running-per-key and max-request-size must be "
                        + "positive");
            }
        }
    }

    /**
     * @param homeCourtPoints   points the home team gains on the expected margin
     * @param possessionsStdDev game-to-game spread of possessions per team around the expected tempo
     * @param marginReversion   points per possession a team gains per point it trails the expected margin
     */
    public record Simulation(@DefaultValue("3.75") double homeCourtPoints,
                             @DefaultValue("4.0") double possessionsStdDev,
                             @DefaultValue("0.005") double marginReversion) {

        public SimulationSettings settings() {
            return new SimulationSettings(LeagueAverages.DIVISION_I_2013_2019, homeCourtPoints, possessionsStdDev,
                    marginReversion);
        }
    }

    /**
     * @param prefix        prefix of every exchange and queue name
     * @param deliveryLimit deliveries of a chunk before it is dead-lettered
     */
    public record Messaging(@DefaultValue("tipoff") String prefix, @DefaultValue("5") int deliveryLimit) {

        public ChunkTopology topology() {
            return new ChunkTopology(prefix);
        }
    }

    /**
     * @param maxUploadSize the largest CSV body {@code POST /api/v1/teams/import} reads. Neither Tomcat nor Spring
     *                      limit a plain (non-form, non-multipart) body, and an import is read whole into memory, so
     *                      the api sets its own limit; seven seasons of Torvik's data are about 335 KB.
     */
    public record Teams(@DefaultValue("10MB") DataSize maxUploadSize) {
    }

    /**
     * @param apiKeys      the keys that may change state (submit, cancel, import), each {@code name:key} or
     *                     {@code name:sha256:HEX} (the SHA-256 of the key in hex, so that the key itself need not be in
     *                     the configuration); the name is what jobs record and logs show. None: the api is open to
     *                     anyone, and says so loudly at start-up.
     * @param protectReads whether reading (GET) needs a key too; by default reads are public. A key then reads only
     *                     the jobs it submitted.
     * @param adminKeys    keys in the same form as {@code apiKeys} that may also read, list and cancel every key's
     *                     jobs (an operator's); a job one of them submits is its own like anyone's
     */
    public record Security(@DefaultValue List<String> apiKeys, @DefaultValue("false") boolean protectReads,
                           @DefaultValue List<String> adminKeys) {

        /** Never prints the keys, should the settings ever be logged. */
        @Override
        public String toString() {
            return "Security[apiKeys=" + apiKeys.size() + " configured, adminKeys=" + adminKeys.size()
                    + " configured, protectReads=" + protectReads + "]";
        }
    }

    /**
     * @param interval  how often the jobs that have subscribers are read (one query for all of them) and their changes
     *                  sent
     * @param heartbeat a comment is sent to a subscriber that heard nothing for this long, so that a client that went
     *                  away is noticed and dropped, and proxies keep the connection open
     * @param timeout   a stream is closed after this long; a browser's {@code EventSource} then reconnects by itself
     */
    public record Events(@DefaultValue("500ms") Duration interval, @DefaultValue("15s") Duration heartbeat,
                         @DefaultValue("30m") Duration timeout) {

        public Events {
            if (interval.isNegative() || interval.isZero() || heartbeat.isNegative() || heartbeat.isZero()
                    || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("tipoff.events.interval, heartbeat and timeout must be positive");
            }
        }
    }
}
