package io.tipoff.api.team;

import java.time.Instant;

/** An imported season as {@code GET /api/v1/teams/seasons} lists it. */
record SeasonView(int season, int teams, Instant importedAt) {
}
