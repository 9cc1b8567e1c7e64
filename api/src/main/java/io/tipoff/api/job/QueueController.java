package io.tipoff.api.job;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/queue}: how much work is waiting and how many workers are taking it. */
@RestController
class QueueController {

    private final QueueDepth queue;

    QueueController(QueueDepth queue) {
        this.queue = queue;
    }

    @GetMapping("/api/v1/queue")
    QueueDepth.QueueView queue() {
        return queue.read();
    }
}
