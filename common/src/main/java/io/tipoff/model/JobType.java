package io.tipoff.model;

/** What a job simulates. */
public enum JobType {
    /** One game between two teams, played {@code simulations} times. */
    MATCHUP
}
