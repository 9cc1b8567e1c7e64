package io.tipoff.api.bracket;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.web.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A season's NCAA tournament bracket: {@code /api/v1/seasons/{season}/bracket}. */
@RestController
@RequestMapping("/api/v1/seasons/{season}/bracket")
@Tag(name = "Brackets", description = "Import a season's NCAA tournament bracket (Kaggle's seeds and slots)")
class BracketController {

    private final BracketImport importer;
    private final BracketCatalog catalog;

    BracketController(BracketImport importer, BracketCatalog catalog) {
        this.importer = importer;
        this.catalog = catalog;
    }

    /** Parts {@code seeds} and {@code slots}: Kaggle's tourney_seeds and tourney_slots CSV files (UTF-8). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a season's bracket", description = "Replaces the season's bracket whole; its teams "
            + "must be imported first. The bracket must be one single-elimination tree.")
    @ApiResponse(responseCode = "200", description = "The imported bracket's size")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    ImportedBracket importBracket(@PathVariable int season, @RequestPart(required = false) MultipartFile seeds,
                                  @RequestPart(required = false) MultipartFile slots) throws IOException {
        return importer.importCsv(season, text("seeds", seeds), text("slots", slots));
    }

    @GetMapping
    @Operation(summary = "A season's bracket: its seeds and slots")
    @ApiResponse(responseCode = "200", description = "The bracket")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    BracketView bracket(@PathVariable int season) {
        List<BracketCatalog.SeededTeam> seeds = catalog.seeds(season);
        if (seeds.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "no bracket imported for season " + season), null);
        }
        return BracketView.of(season, seeds, catalog.slots(season));
    }

    /** Checked here rather than by Spring, so that a missing part is named like any other bad field. */
    private static String text(String part, MultipartFile file) throws IOException {
        if (file == null) {
            throw new InvalidFieldException(part, "is required: the tourney_" + part + " CSV file as a form part");
        }
        return new String(file.getBytes(), StandardCharsets.UTF_8);
    }
}
