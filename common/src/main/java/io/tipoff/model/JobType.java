package io.tipoff.model;

/** What a job simulates. */
public enum JobType {
    /** One game between two teams, played {@code simulations} times. */
    MATCHUP,
    /** A whole single-elimination bracket, every game a full game, played {@code simulations} times. */
    TOURNAMENT,
    /**
     * A bracket pool: the season's bracket played {@code simulations} times against fields of entrants who pick like
     * the public, to choose the entry most likely to win the pool ({@code io.tipoff.pool}).
     */
    BRACKET_POOL
}
