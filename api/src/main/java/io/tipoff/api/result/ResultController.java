package io.tipoff.api.result;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;
import static io.tipoff.api.web.OpenApiConfig.RESULT_NOT_READY;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.engine.MatchupResult;
import io.tipoff.engine.TournamentResult;
import io.tipoff.pool.PoolResult;
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
@Tag(name = "Jobs")
class ResultController {

    private static final String PATH = "/api/v1/jobs/{id}/result";

    private final ResultRepository results;
    private final JsonMapper json;

    ResultController(ResultRepository results, JsonMapper json) {
        this.results = results;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The result of a completed job", description = "The whole distribution of outcomes, "
            + "byte for byte the same for the same job and seed; a job with a precision `target` leads it with `stopReason` "
            + "(`TARGET_MET` or `CAP_REACHED`). `Accept: text/plain` gives a short summary.")
    @ApiResponse(responseCode = "200", description = "A matchup's, a tournament's or a pool's result", content = @Content(
            schema = @Schema(oneOf = {MatchupResult.class, TournamentResult.class, PoolResult.class})))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = RESULT_NOT_READY)
    ResponseEntity<String> result(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(results.find(id).served());
    }

    /** The same operation as {@link #result} in OpenAPI, which adds this one's {@code text/plain} answer to it. */
    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    String summary(@PathVariable UUID id) {
        ResultRepository.StoredResult stored = results.find(id);
        return switch (stored.type()) {
            case MATCHUP -> ResultSummary.of(json.readValue(stored.json(), MatchupResult.class));
            case TOURNAMENT -> ResultSummary.of(json.readValue(stored.json(), TournamentResult.class));
            case BRACKET_POOL -> ResultSummary.of(json.readValue(stored.json(), PoolResult.class));
        };
    }
}
