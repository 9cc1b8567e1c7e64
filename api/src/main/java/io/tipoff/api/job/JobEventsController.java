package io.tipoff.api.job;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/jobs/{id}/events}: a job's progress as server-sent events, until it finishes. */
@RestController
class JobEventsController {

    private final JobEvents events;

    JobEventsController(JobEvents events) {
        this.events = events;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID id) {
        return events.subscribe(id);
    }
}
