package io.tipoff.model;

import java.util.Objects;

/** Two teams and a venue: the subject of a MATCHUP job. */
public record Matchup(TeamProfile teamA, TeamProfile teamB, Venue venue) {

    public Matchup {
        Objects.requireNonNull(teamA, "teamA");
        Objects.requireNonNull(teamB, "teamB");
        venue = venue == null ? Venue.NEUTRAL : venue;
    }
}
