package io.tipoff.api.events;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/jobs/{id}/events}: a job's progress as server-sent events, until it finishes. */
@RestController
@Tag(name = "Jobs")
class JobEventsController {

    private final JobEvents events;

    JobEventsController(JobEvents events) {
        this.events = events;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a job as server-sent events", description = "`progress` events (the job's status, "
            + "simulations and chunks completed) whenever it moves, then one `completed`, `failed` or `cancelled` "
            + "event, and the stream ends.")
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    SseEmitter events(@PathVariable UUID id) {
        return events.subscribe(id);
    }
}
