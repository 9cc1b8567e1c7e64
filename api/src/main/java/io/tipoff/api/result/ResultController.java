package io.tipoff.api.result;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/jobs/{id}/result}: the reduced result of a completed job, exactly as the worker that completed it
 * wrote it, so the same job and seed always answer the same bytes.
 */
@RestController
class ResultController {

    private final ResultRepository results;

    ResultController(ResultRepository results) {
        this.results = results;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> result(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(results.find(id));
    }
}
