package io.tipoff.api.rating;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.web.BodyLimit;
import io.tipoff.ratings.SeasonGamesCsv;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Importing a season's games: {@code POST /api/v1/games/import}. Teams are rated from them by {@link TeamRatings}. */
@RestController
@RequestMapping("/api/v1/games")
@Tag(name = "Games", description = "Import a season's games with their box scores, to rate teams as of any day")
class GameController {

    private final GameStore store;
    private final DataSize maxUpload;

    GameController(GameStore store, ApiProperties properties) {
        this.store = store;
        this.maxUpload = properties.teams().maxUploadSize();
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import games", description = "CSV in the layout of Kaggle's detailed results "
            + "(MRegularSeasonDetailedResults.csv): every row is checked before anything is stored, then all rows are "
            + "stored or none. A game already stored is corrected if its figures differ; importing the same file "
            + "again changes nothing. Games are never removed.")
    @ApiResponse(responseCode = "200", description = "How many games the file had and how many were added or corrected")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    GameImportSummary importCsv(InputStream body, @RequestHeader HttpHeaders headers) throws IOException {
        return store.save(SeasonGamesCsv.read(
                BodyLimit.readText(body, headers, maxUpload, "tipoff.teams.max-upload-size")));
    }
}
