package io.tipoff.api.team;

import io.tipoff.model.TeamProfile;
import io.tipoff.model.TeamSeason;
import io.tipoff.ratings.SeasonRatings;
import io.tipoff.ratings.TeamRating;

/**
 * A team as {@code GET /api/v1/teams?season=&asOfDay=} lists it: rated from its season's games up to that day, ranked
 * by adjusted margin; {@code season}, {@code teamId} and {@code asOfDay} are how a job refers to it.
 *
 * @param adjOffense points scored per 100 possessions against an average D-I defense, on a neutral court
 * @param adjDefense points allowed per 100 possessions against an average D-I offense
 * @param adjMargin  {@code adjOffense − adjDefense}, what the rank sorts by
 * @param adjTempo   possessions per 40 minutes against an average-paced opponent
 * @param games      its games up to the day
 */
record RatedTeamView(int rank, int season, int asOfDay, int teamId, String name, int games, int wins,
                     double adjOffense, double adjDefense, double adjMargin, double adjTempo, TeamProfile profile) {

    static RatedTeamView of(int rank, SeasonRatings ratings, TeamRating team, TeamSeason named) {
        return new RatedTeamView(rank, ratings.season(), ratings.asOfDay(), team.teamId(), named.name(), team.games(),
                team.wins(), team.adjOffense(), team.adjDefense(), team.adjMargin(), team.adjTempo(), named.profile());
    }
}
