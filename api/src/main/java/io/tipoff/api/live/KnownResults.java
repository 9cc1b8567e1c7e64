package io.tipoff.api.live;

import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketException;
import io.tipoff.model.BracketResults;
import io.tipoff.model.Text;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The decided games a job gives for its bracket, as TOURNAMENT and BRACKET_POOL jobs take them: {@code results} (slot →
 * seed of its winner) and {@code resultsThroughDay} (the season's imported results up to that day), which must agree,
 * checked by {@link BracketResults}. A result that cannot be is a 400 naming {@code <field>.results.<slot>}, where
 * {@code field} is the request's object ({@code tournament}, {@code pool}).
 */
@Service
public class KnownResults {

    private final TournamentResults imported;

    KnownResults(TournamentResults imported) {
        this.imported = imported;
    }

    /**
     * The decided games, every game the winners won on their way included.
     *
     * @param field      the request's object whose {@code results} and {@code resultsThroughDay} these are
     * @param season     the season whose imported results {@code throughDay} reads; null when no team is imported
     * @param teamIds    the team id of each seed that has one, to find the imported games in the bracket
     * @param given      {@code results}, or null
     * @param throughDay {@code resultsThroughDay}, or null
     */
    public Map<String, String> decided(String field, Integer season, Bracket bracket, Map<String, Integer> teamIds,
                                       Map<String, String> given, Integer throughDay) {
        Map<String, String> results = new TreeMap<>();
        if (throughDay != null) {
            String dayField = field + ".resultsThroughDay";
            if (season == null || teamIds.size() != bracket.teams().size()) {
                throw new InvalidFieldException(dayField, "needs a bracket whose every team is imported with its id, "
                        + "to find the season's imported results in it");
            }
            if (!imported.hasSeason(season)) {
                throw new InvalidFieldException(dayField, "season " + season + " has no imported results (POST "
                        + "/api/v1/seasons/" + season + "/results)");
            }
            try {
                results.putAll(BracketResults.fromGames(bracket.slots(), teamIds, imported.games(season, throughDay)));
            } catch (BracketException e) {
                throw new InvalidFieldException(dayField, "the imported results of season " + season + " do not fit "
                        + "this bracket: " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> result : new TreeMap<>(given == null ? Map.of() : given).entrySet()) {
            String slotField = field + ".results." + Text.excerpt(result.getKey());
            Text.problem(result.getKey(), Text.MAX_LABEL).ifPresent(problem -> {
                throw new InvalidFieldException(field + ".results", "a slot " + problem);
            });
            if (result.getValue() == null) {
                throw new InvalidFieldException(slotField, "is required: the seed of the slot's winner");
            }
            Text.problem(result.getValue(), Text.MAX_LABEL).ifPresent(problem -> {
                throw new InvalidFieldException(slotField, problem);
            });
            String fromImport = results.putIfAbsent(result.getKey(), result.getValue());
            if (fromImport != null && !fromImport.equals(result.getValue())) {
                throw new InvalidFieldException(slotField, "says " + result.getValue() + " won, the imported "
                        + "results " + fromImport);
            }
        }
        try {
            return BracketResults.decided(bracket, results);
        } catch (BracketException e) {
            throw new InvalidFieldException(field + ".results." + Text.excerpt(e.where()), e.reason());
        }
    }
}
