package io.tipoff.api.team;

import io.tipoff.model.TeamProfile;
import io.tipoff.model.TeamSeason;

/**
 * An imported team season as {@code GET /api/v1/teams} lists it; {@code season} with {@code teamId} (or {@code name})
 * is how a job refers to it.
 */
record TeamView(int season, Integer teamId, String name, String conference, Integer seed, Double barthag,
                String postseason, TeamProfile profile) {

    static TeamView of(TeamSeason team) {
        return new TeamView(team.season(), team.teamId(), team.name(), team.conference(), team.seed(), team.barthag(),
                team.postseason(), team.profile());
    }
}
