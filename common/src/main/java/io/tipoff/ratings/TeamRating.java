package io.tipoff.ratings;

import io.tipoff.model.DefenseProfile;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.TeamProfile;

/**
 * One team as of a day of its season, from its games up to that day.
 *
 * @param adjOffense points scored per 100 possessions against an average Division I defense, on a neutral court
 * @param adjDefense points allowed per 100 possessions against an average Division I offense, on a neutral court
 * @param adjStdError the standard error of {@code adjOffense} and of {@code adjDefense}: how far the games leave the
 *                   team's true strength from its rating, in points per 100 possessions
 * @param adjTempo   possessions per 40 minutes against an average-paced opponent
 * @param offense    the box-score rates of its offense (not schedule-adjusted: how it scores, not how much)
 * @param defense    what its defense allowed
 */
public record TeamRating(int teamId, int games, int wins, double adjOffense, double adjDefense, double adjStdError,
                         double adjTempo,
                         OffenseProfile offense, DefenseProfile defense) {

    /** Points per 100 possessions better than its opponents, against average ones: what the ranking sorts by. */
    public double adjMargin() {
        return adjOffense - adjDefense;
    }

    /** The team as the engine plays it. */
    public TeamProfile profile(String name) {
        return new TeamProfile(name, adjTempo, offense, defense, adjOffense, adjDefense,
                Math.min(adjStdError, TeamProfile.MAX_STD_ERROR));
    }
}
