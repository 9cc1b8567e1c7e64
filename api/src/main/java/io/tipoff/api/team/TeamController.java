package io.tipoff.api.team;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.config.BodyLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
    ImportSummary importCsv(InputStream body, @RequestHeader HttpHeaders headers) throws IOException {
        return importer.importCsv(read(body, headers));
    }

    @GetMapping
    List<TeamView> teams(@RequestParam(required = false) Integer season) {
        List<TeamView> teams = catalog.teams(season).stream().map(TeamView::of).toList();
        if (teams.isEmpty() && season != null) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no teams imported for season " + season),
                    null);
        }
        return teams;
    }

    @GetMapping("/seasons")
    List<SeasonView> seasons() {
        return catalog.seasons();
    }

    /** The body as text, refused with 413 beyond {@code tipoff.teams.max-upload-size}. */
    private String read(InputStream body, HttpHeaders headers) throws IOException {
        byte[] bytes = BodyLimit.read(body, headers, maxUpload, "tipoff.teams.max-upload-size");
        MediaType type = headers.getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return new String(bytes, charset);
    }
}
