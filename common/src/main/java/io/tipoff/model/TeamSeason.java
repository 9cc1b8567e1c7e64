package io.tipoff.model;

import java.util.Objects;

/**
 * A team's season as imported from season statistics: who it is, its profile for the engine, and what the backtest
 * compares against.
 *
 * @param teamId     the team's id (Kaggle's), or null when the data has none: then the name is the key
 * @param barthag    Torvik's power rating, the chance of beating an average D-I team; null if not given
 * @param postseason furthest NCAA tournament round reached (R68, R64, R32, S16, E8, F4, 2ND, Champions), or null
 * @param seed       NCAA tournament seed, or null
 */
public record TeamSeason(int season, Integer teamId, String conference, TeamProfile profile, Double barthag,
                         String postseason, Integer seed) {

    public TeamSeason {
        Objects.requireNonNull(profile, "profile");
    }

    public String name() {
        return profile.name();
    }

    /** What identifies the team within its season: its id, or its name without one. */
    public String key() {
        return teamId != null ? teamId.toString() : profile.name();
    }
}
