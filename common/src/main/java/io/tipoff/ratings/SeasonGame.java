package io.tipoff.ratings;

import java.util.Objects;

/**
 * A game of a season before the tournament, with both box scores.
 *
 * @param day            Kaggle's DayNum: days since the season's day zero (Selection Sunday is day 132)
 * @param winnerLocation where the winner played: {@code H} at home, {@code A} away, {@code N} on a neutral court
 * @param overtimes      overtime periods played
 */
public record SeasonGame(int season, int day, TeamBox winner, TeamBox loser, char winnerLocation, int overtimes) {

    public SeasonGame {
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(loser, "loser");
        if (winnerLocation != 'H' && winnerLocation != 'A' && winnerLocation != 'N') {
            throw new IllegalArgumentException("winnerLocation must be H, A or N, was " + winnerLocation);
        }
    }

    /** The game's possessions: the mean of both teams' estimates (they differ only by the estimate's noise). */
    public double possessions() {
        return (winner.possessions() + loser.possessions()) / 2;
    }

    /** Minutes played: 40, and 5 more per overtime. */
    public int minutes() {
        return 40 + 5 * overtimes;
    }

    /** What identifies the game within its season: no team plays twice on one day. */
    public String key() {
        return season + "/" + day + "/" + winner.teamId() + "/" + loser.teamId();
    }
}
