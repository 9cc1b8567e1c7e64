package io.tipoff.api.result;

import io.tipoff.engine.MatchupResult;
import io.tipoff.engine.TournamentResult;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/jobs/{id}/result}: the reduced result of a completed job, exactly as the worker that completed it
 * wrote it, so the same job and seed always answer the same bytes. With {@code Accept: text/plain}, a short summary.
 */
@RestController
class ResultController {

    private static final String PATH = "/api/v1/jobs/{id}/result";

    private final ResultRepository results;
    private final JsonMapper json;

    ResultController(ResultRepository results, JsonMapper json) {
        this.results = results;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> result(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(results.find(id).json());
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    String summary(@PathVariable UUID id) {
        ResultRepository.StoredResult stored = results.find(id);
        return switch (stored.type()) {
            case MATCHUP -> ResultSummary.of(json.readValue(stored.json(), MatchupResult.class));
            case TOURNAMENT -> ResultSummary.of(json.readValue(stored.json(), TournamentResult.class));
        };
    }
}
