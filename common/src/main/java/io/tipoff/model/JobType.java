package io.tipoff.model;

/** What a job simulates. */
public enum JobType {
    /** One game between two teams, played {@code simulations} times. */
    MATCHUP,
    /** A whole single-elimination bracket, every game a full game, played {@code simulations} times. */
    TOURNAMENT
}
