package io.tipoff.model;

import java.util.Objects;

/**
 * The subject of a TOURNAMENT job: a bracket with its teams' profiles as they were when the job was accepted.
 *
 * @param season the imported season the bracket came from, or null for a bracket given inline
 */
public record Tournament(Integer season, Bracket bracket) {

    public Tournament {
        Objects.requireNonNull(bracket, "bracket");
    }
}
