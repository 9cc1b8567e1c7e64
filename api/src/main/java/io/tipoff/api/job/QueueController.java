package io.tipoff.api.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/queue}: how much work is waiting and how many workers are taking it. */
@RestController
@Tag(name = "Jobs")
class QueueController {

    private final QueueDepth queue;

    QueueController(QueueDepth queue) {
        this.queue = queue;
    }

    @GetMapping("/api/v1/queue")
    @Operation(summary = "The chunk queue: chunks waiting, workers consuming, chunks set aside")
    QueueDepth.QueueView queue() {
        return queue.read();
    }
}
