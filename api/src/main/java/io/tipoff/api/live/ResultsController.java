package io.tipoff.api.live;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.bracket.BracketCatalog;
import io.tipoff.api.config.ApiProperties;
import io.tipoff.api.web.BodyLimit;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketCsv;
import io.tipoff.model.BracketException;
import io.tipoff.model.BracketResults;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A season's tournament as played so far: {@code /api/v1/seasons/{season}/results}. A TOURNAMENT job's
 * {@code resultsThroughDay} plays its bracket with these games decided.
 */
@RestController
@RequestMapping("/api/v1/seasons/{season}/results")
@Tag(name = "Brackets")
class ResultsController {

    private final TournamentResults results;
    private final BracketCatalog brackets;
    private final DataSize maxUpload;

    ResultsController(TournamentResults results, BracketCatalog brackets, ApiProperties properties) {
        this.results = results;
        this.brackets = brackets;
        this.maxUpload = properties.teams().maxUploadSize();
    }

    /** The season's games and, when its bracket is imported, the slots they decided. */
    record SeasonResults(int season, int games, List<BracketResults.Game> played, Map<String, String> results) {
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import the tournament's games played so far", description = "CSV in the layout of "
            + "tourney_games_*.csv (Kaggle's compact results: Season, DayNum, WTeamID, WScore, LTeamID, LScore, "
            + "NumOT); only the rows of the season are kept, and they replace the season's games. With the season's "
            + "bracket imported, the games must fit it.")
    @ApiResponse(responseCode = "200", description = "The season's games and the slots they decided")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    SeasonResults importCsv(@PathVariable int season, InputStream body, @RequestHeader HttpHeaders headers)
            throws IOException {
        List<BracketResults.Game> games = BracketCsv.games(
                        BodyLimit.readText(body, headers, maxUpload, "tipoff.teams.max-upload-size")).stream()
                .map(BracketCsv.GameRow::game).filter(g -> g.season() == season).toList();
        if (games.isEmpty()) {
            throw new InvalidFieldException("Season", "no game of season " + season + " in the file");
        }
        Map<String, String> decided = decided(season, games);
        results.replace(season, games);
        return new SeasonResults(season, games.size(), games, decided);
    }

    @GetMapping
    @Operation(summary = "A season's tournament games played so far, and the slots they decided")
    @ApiResponse(responseCode = "200", description = "The games (none when nothing was imported)")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    SeasonResults get(@PathVariable int season) {
        List<BracketResults.Game> games = results.games(season, Integer.MAX_VALUE);
        Map<String, String> decided;
        try {
            decided = decided(season, games);
        } catch (InvalidFieldException e) {
            decided = null;  // the bracket was imported again since, and no longer fits: the games still list
        }
        return new SeasonResults(season, games.size(), games, decided);
    }

    /** The slots the games decide in the season's imported bracket; null without one. */
    private Map<String, String> decided(int season, List<BracketResults.Game> games) {
        List<BracketCatalog.SeededTeam> seeds = brackets.seeds(season);
        if (seeds.isEmpty()) {
            return null;
        }
        Map<String, Integer> teamIds = new HashMap<>();
        for (BracketCatalog.SeededTeam seed : seeds) {
            try {
                teamIds.put(seed.seed(), Integer.parseInt(seed.teamKey()));
            } catch (NumberFormatException e) {
                return null;  // a team imported without an id: its games cannot be found in the bracket
            }
        }
        List<Bracket.Slot> slots = brackets.slots(season);
        try {
            return BracketResults.fromGames(slots, teamIds, games);
        } catch (BracketException e) {
            throw new InvalidFieldException("body", "does not fit season " + season + "'s imported bracket: "
                    + e.getMessage());
        }
    }
}
