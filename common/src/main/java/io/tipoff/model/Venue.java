package io.tipoff.model;

/** Where a game is played; the home team gets the home-court advantage of the engine settings. */
public enum Venue {
    NEUTRAL, TEAM_A_HOME, TEAM_B_HOME
}
