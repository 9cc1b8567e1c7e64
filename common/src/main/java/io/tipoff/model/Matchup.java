package io.tipoff.model;

import java.util.Objects;

/**
 * Two teams and a venue: the subject of a MATCHUP job.
 *
 * @param state the game in progress to play from, or null for a whole game from the tip
 */
public record Matchup(TeamProfile teamA, TeamProfile teamB, Venue venue, GameState state) {

    public Matchup {
        Objects.requireNonNull(teamA, "teamA");
        Objects.requireNonNull(teamB, "teamB");
        venue = venue == null ? Venue.NEUTRAL : venue;
    }

    /** A whole game, from the tip. */
    public Matchup(TeamProfile teamA, TeamProfile teamB, Venue venue) {
        this(teamA, teamB, venue, null);
    }
}
