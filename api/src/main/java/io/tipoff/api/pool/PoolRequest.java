package io.tipoff.api.pool;

import io.tipoff.model.Bracket;
import io.tipoff.pool.PoolSpec;
import io.tipoff.ratings.SeasonGamesCsv;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The {@code pool} of a BRACKET_POOL job: the season whose imported bracket (and public picks) it plays, its entrants
 * (counting the user's entry), its scoring (points per correct pick in rounds 1–6; ESPN's 10, 20, 40, 80, 160, 320
 * when absent) and, optionally, the day whose ratings from the season's imported games the teams play with (132 is
 * Selection Sunday) instead of their imported statistics. For a pool that locks after some games, {@code results}
 * (slot → seed of its winner) and {@code resultsThroughDay} (the season's imported results up to that day), as a
 * tournament job takes them: those games are decided in every simulated tournament and every entry has their winners.
 * Checked further by {@link PoolJobs}.
 */
public record PoolRequest(@NotNull(message = "is required") Integer season,
                          @NotNull(message = "is required")
                          @Min(value = 2, message = "must be at least 2 (the entry and one opponent)")
                          @Max(value = PoolSpec.MAX_ENTRANTS, message = "must be at most " + PoolSpec.MAX_ENTRANTS)
                          Integer entrants,
                          @Size(max = 64, message = "holds one number per round")
                          List<@NotNull(message = "is required") @Min(value = 0, message = "must not be negative")
                          @Max(value = PoolSpec.MAX_POINTS, message = "must be at most " + PoolSpec.MAX_POINTS)
                                  Integer> scoring,
                          @Min(value = 0, message = "must be at least 0")
                          @Max(value = SeasonGamesCsv.MAX_DAY, message = "must be at most " + SeasonGamesCsv.MAX_DAY)
                          Integer asOfDay,
                          @Size(max = Bracket.MAX_TEAMS, message = "holds at most " + Bracket.MAX_TEAMS)
                          Map<String, String> results,
                          @Min(value = 0, message = "must be at least 0")
                          @Max(value = SeasonGamesCsv.MAX_DAY, message = "must be at most " + SeasonGamesCsv.MAX_DAY)
                          Integer resultsThroughDay) {
}
