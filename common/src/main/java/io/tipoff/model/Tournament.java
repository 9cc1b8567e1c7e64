package io.tipoff.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The subject of a TOURNAMENT job: a bracket with its teams' profiles as they were when the job was accepted, and what
 * is already known of it.
 *
 * @param season     the imported season the bracket came from, or null for a bracket given inline
 * @param results    games already decided: slot → seed of its winner, every game the winners won on the way included
 *                   ({@link BracketResults#decided}); empty for a bracket before its first game
 * @param inProgress games being played: slot → its state, team A the strong side's team (both sides decided)
 */
public record Tournament(Integer season, Bracket bracket, Map<String, String> results,
                         Map<String, GameState> inProgress) {

    public Tournament {
        Objects.requireNonNull(bracket, "bracket");
        results = results == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(results));
        inProgress = inProgress == null ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(inProgress));
    }

    /** A bracket before its first game. */
    public Tournament(Integer season, Bracket bracket) {
        this(season, bracket, null, null);
    }
}
