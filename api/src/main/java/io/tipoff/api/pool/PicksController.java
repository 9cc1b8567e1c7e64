package io.tipoff.api.pool;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.web.BodyLimit;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public's picks of a season's bracket: {@code /api/v1/seasons/{season}/picks}. */
@RestController
@RequestMapping("/api/v1/seasons/{season}/picks")
@Tag(name = "Pools", description = "Import the public's bracket picks (ESPN's Who Picked Whom) for pool jobs")
class PicksController {

    private final PublicPicks picks;
    private final DataSize maxUpload;

    PicksController(PublicPicks picks, ApiProperties properties) {
        this.picks = picks;
        this.maxUpload = properties.teams().maxUploadSize();
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a season's public picks", description = "ESPN's Who Picked Whom as CSV (season, "
            + "kaggle_team_id, optional kaggle_seed, pick_win_r64 … pick_champion as shares 0–1; a First Four pair "
            + "as one line joins its ids with |). Every team must be in the season's imported bracket; the season's "
            + "picks are replaced whole.")
    @ApiResponse(responseCode = "200", description = "What was imported")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    PublicPicks.Imported importCsv(@PathVariable int season, InputStream body, @RequestHeader HttpHeaders headers)
            throws IOException {
        return picks.importCsv(season, BodyLimit.readText(body, headers, maxUpload, "tipoff.teams.max-upload-size"));
    }

    @GetMapping
    @Operation(summary = "A season's public picks, by seed")
    @ApiResponse(responseCode = "200", description = "The picks: per seed, the shares of rounds R64 … final")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    List<PublicPicks.SeedView> picks(@PathVariable int season) {
        List<PublicPicks.SeedView> found = picks.picks(season);
        if (found.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "no picks imported for season " + season), null);
        }
        return found;
    }
}
