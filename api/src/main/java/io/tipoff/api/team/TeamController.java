package io.tipoff.api.team;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.rating.TeamRatings;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Importing team seasons and listing them: {@code /api/v1/teams}. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Import team seasons (Torvik's CSV) and look them up")
class TeamController {

    private final TeamImport importer;
    private final TeamCatalog catalog;
    private final DataSize maxUpload;

    TeamController(TeamImport importer, TeamCatalog catalog, ApiProperties properties) {
        this.importer = importer;
        this.catalog = catalog;
        this.maxUpload = properties.teams().maxUploadSize();
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import team seasons", description = "Torvik's team CSV, all rows or none; a season "
            + "imported again is replaced.")
    @ApiResponse(responseCode = "200", description = "What was imported, season by season")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    ImportSummary importCsv(InputStream body, @RequestHeader HttpHeaders headers) throws IOException {
        return importer.importCsv(BodyLimit.readText(body, headers, maxUpload, "tipoff.teams.max-upload-size"));
    }

    @GetMapping
    @Operation(summary = "Imported teams, of one season or all; with asOfDay, the season's teams rated from its games",
            description = "With season and asOfDay: every team that played by that day (Kaggle's DayNum; Selection "
                    + "Sunday is 132), rated from the season's imported games up to and including that day, best "
                    + "adjusted margin first.")
    @ApiResponse(responseCode = "200", description = "The teams")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    List<?> teams(@RequestParam(required = false) Integer season, @RequestParam(required = false) Integer asOfDay) {
        if (asOfDay != null) {
            if (season == null) {
                throw new TeamRatings.NoRatingsException("season", "is required with asOfDay");
            }
            if (!catalog.hasSeason(season, asOfDay)) {
                throw notFound("no games imported for season " + season);
            }
            return catalog.rated(season, asOfDay);
        }
        List<TeamView> teams = catalog.teams(season).stream().map(TeamView::of).toList();
        if (teams.isEmpty() && season != null) {
            throw notFound("no teams imported for season " + season);
        }
        return teams;
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    @GetMapping("/seasons")
    @Operation(summary = "Imported seasons, with their teams' count")
    List<SeasonView> seasons() {
        return catalog.seasons();
    }
}
