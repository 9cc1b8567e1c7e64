package io.tipoff.api.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/queue}: how much work is waiting, how many workers take it, and how it is shared between keys
 * right now.
 */
@RestController
@Tag(name = "Jobs")
class QueueController {

    /**
     * @param queue       the batch lane's queue
     * @param chunksReady chunks ready on the batch lane
     * @param consumers   consumers of the batch lane
     * @param deadLetters chunks set aside
     * @param backlogChunks chunks of open jobs not yet stored, released or not: what an autoscaler scales workers on
     *                    (the queues themselves hold only the dispatch window)
     * @param lanes       each lane: its queue, chunks ready, consumers, and the dispatch window they allow
     * @param keys        each key with open jobs: jobs, chunks and games in flight, games queued, and its share of the
     *                    chunks in flight
     */
    record Scheduling(String queue, long chunksReady, long consumers, long deadLetters, long backlogChunks,
                      List<Lane> lanes, List<Share> keys) {
    }

    record Lane(io.tipoff.messaging.Lane lane, String queue, long chunksReady, long consumers, int window) {
    }

    record Share(String key, int jobs, int chunksInFlight, long gamesInFlight, long gamesQueued, double share) {
    }

    private final QueueDepth queues;
    private final ChunkOutbox outbox;
    private final Dispatcher dispatcher;

    QueueController(QueueDepth queues, ChunkOutbox outbox, Dispatcher dispatcher) {
        this.queues = queues;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/api/v1/queue")
    @Operation(summary = "The queues and the fair share: chunks waiting, workers consuming, chunks set aside, and "
            + "each key's jobs, chunks in flight and share")
    Scheduling queue() {
        QueueDepth.QueueView view = queues.read();
        List<ChunkOutbox.OpenJob> open = outbox.openJobs();
        List<DispatchMetrics.KeyShare> keys = DispatchMetrics.shares(open);
        int inFlight = keys.stream().mapToInt(DispatchMetrics.KeyShare::chunksInFlight).sum();
        long backlog = open.stream().mapToLong(job -> job.inFlight() + job.remaining()).sum();
        return new Scheduling(view.queue(), view.chunksReady(), view.consumers(), view.deadLetters(), backlog,
                view.lanes().stream().map(l -> new Lane(l.lane(), l.queue(), l.chunksReady(), l.consumers(),
                        dispatcher.window(l.lane()))).toList(),
                keys.stream().map(k -> new Share(k.key(), k.jobs(), k.chunksInFlight(), k.gamesInFlight(),
                        k.gamesQueued(), inFlight == 0 ? 0 : (double) k.chunksInFlight() / inFlight)).toList());
    }
}
