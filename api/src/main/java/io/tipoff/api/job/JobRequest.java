package io.tipoff.api.job;

import io.tipoff.api.pool.PoolRequest;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.messaging.ChunkPlan;
import io.tipoff.model.Bracket;
import io.tipoff.model.DefenseProfile;
import io.tipoff.model.GameState;
import io.tipoff.model.JobPriority;
import io.tipoff.model.JobType;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Text;
import io.tipoff.model.Venue;
import io.tipoff.ratings.SeasonGamesCsv;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/jobs}. Limits that depend on configuration (the most simulations, the most chunks)
 * are checked by {@link JobService}.
 *
 * @param seed      optional; a random one is chosen and stored when absent
 * @param chunkSize optional simulations (games, or tournaments) per chunk; the configured default when absent
 * @param priority  optional weight of the job within its key's share: HIGH, NORMAL (the default) or LOW
 * @param target    optional precision target: play until every reported probability has at most this standard error,
 *                  with {@code simulations} as the cap
 * @param pool      a BRACKET_POOL job's pool ({@link PoolRequest})
 */
record JobRequest(@NotNull(message = "is required") JobType type,
                  @NotNull(message = "is required") @Positive(message = "must be at least 1") Long simulations,
                  Long seed,
                  @Positive(message = "must be at least 1")
                  @Max(value = ChunkPlan.MAX_CHUNK_SIZE, message = "must be at most " + ChunkPlan.MAX_CHUNK_SIZE)
                  Integer chunkSize,
                  @Valid MatchupRequest matchup,
                  @Valid TournamentRequest tournament,
                  JobPriority priority,
                  @Valid TargetRequest target,
                  @Valid PoolRequest pool) {

    /**
     * Stop once every probability the result reports (a matchup's win probability; every team-round of a tournament)
     * has at most this standard error: between 0.0001 (100 million simulations for a coin flip) and 0.5.
     */
    record TargetRequest(@NotNull(message = "is required")
                         @DecimalMin(value = "0.0001", message = "must be at least 0.0001")
                         @DecimalMax(value = "0.5", message = "must be at most 0.5") Double stdError) {
    }

    /**
     * A tournament: an imported season's bracket ({@code season}), or a bracket given inline ({@code teams} and
     * {@code slots}, in the shape of Kaggle's seeds and slots), each team inline or by reference. The bracket's shape is
     * checked by {@link io.tipoff.model.Bracket}. What is known of it: {@code results} (slot → seed of its winner),
     * {@code resultsThroughDay} (the season's imported results up to that day) and {@code inProgress} (slot → the
     * state of a game being played), checked by {@link io.tipoff.model.BracketResults}.
     */
    record TournamentRequest(Integer season,
                             @Size(max = MAX_BRACKET_TEAMS, message = "holds at most " + MAX_BRACKET_TEAMS)
                             List<@NotNull(message = "is required") @Valid SeededRequest> teams,
                             @Size(max = MAX_BRACKET_TEAMS, message = "holds at most " + MAX_BRACKET_TEAMS)
                             List<@NotNull(message = "is required") @Valid SlotRequest> slots,
                             @Size(max = MAX_BRACKET_TEAMS, message = "holds at most " + MAX_BRACKET_TEAMS)
                             Map<String, String> results,
                             @Min(value = 0, message = "must be at least 0")
                             @Max(value = SeasonGamesCsv.MAX_DAY, message = "must be at most " + SeasonGamesCsv.MAX_DAY)
                             Integer resultsThroughDay,
                             @Size(max = MAX_BRACKET_TEAMS, message = "holds at most " + MAX_BRACKET_TEAMS)
                             Map<String, GameStateRequest> inProgress) {

        /** {@link Bracket#MAX_TEAMS}, checked here before any team is resolved. */
        static final int MAX_BRACKET_TEAMS = Bracket.MAX_TEAMS;
    }

    /**
     * A game in progress ({@link GameState}): checked by {@link #toState}, which names the field at fault under the
     * given path ({@code matchup.state}, {@code tournament.inProgress.R2W1}).
     */
    record GameStateRequest(Integer period, Integer secondsLeft, Integer teamAPoints, Integer teamBPoints,
                            GameState.Ball possession) {

        GameState toState(String path) {
            String[] names = {"period", "secondsLeft", "teamAPoints", "teamBPoints"};
            Integer[] values = {period, secondsLeft, teamAPoints, teamBPoints};
            for (int i = 0; i < names.length; i++) {
                if (values[i] == null) {
                    throw new InvalidFieldException(path + "." + names[i], "is required");
                }
            }
            GameState.problem(period, secondsLeft, teamAPoints, teamBPoints).ifPresent(p -> {
                throw new InvalidFieldException(path + "." + p.field(), p.message());
            });
            return new GameState(period, secondsLeft, teamAPoints, teamBPoints, possession);
        }
    }

    record SeededRequest(@NotBlank(message = "is required") @PlainText(max = Text.MAX_LABEL) String seed,
                         @NotNull(message = "is required") @Valid TeamRequest team) {
    }

    record SlotRequest(@NotBlank(message = "is required") @PlainText(max = Text.MAX_LABEL) String slot,
                       @NotBlank(message = "is required") @PlainText(max = Text.MAX_LABEL) String strongSeed,
                       @NotBlank(message = "is required") @PlainText(max = Text.MAX_LABEL) String weakSeed) {
    }

    /** @param state optional: a game in progress, played from there to its end */
    record MatchupRequest(@NotNull(message = "is required") @Valid TeamRequest teamA,
                          @NotNull(message = "is required") @Valid TeamRequest teamB, Venue venue,
                          GameStateRequest state) {
    }

    /**
     * A team, in one of two ways (checked by {@link ProfileOrReference}): inline, by its name, tempo in possessions per
     * 40 minutes and rates as fractions, with optional adjusted efficiencies (both or neither) for the strength of
     * schedule; or by reference to an imported season, {@code season} with {@code teamId} or {@code name} (any case),
     * and with {@code asOfDay} rated from the season's imported games up to that day instead of its statistics.
     */
    @ProfileOrReference
    record TeamRequest(@PlainText(max = Text.MAX_NAME) String name,
                       @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
                       @DecimalMax(value = "200", message = "must be at most 200") Double tempo,
                       @Valid OffenseRequest offense,
                       @Valid DefenseRequest defense,
                       @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
                       @DecimalMax(value = "250", message = "must be at most 250") Double adjOffense,
                       @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
                       @DecimalMax(value = "250", message = "must be at most 250") Double adjDefense,
                       Integer season,
                       Integer teamId,
                       @Min(value = 0, message = "must be at least 0")
                       @Max(value = SeasonGamesCsv.MAX_DAY, message = "must be at most " + SeasonGamesCsv.MAX_DAY)
                       Integer asOfDay) {

        /** A team inline or by reference to imported statistics (no {@code asOfDay}). */
        TeamRequest(String name, Double tempo, OffenseRequest offense, DefenseRequest defense, Double adjOffense,
                    Double adjDefense, Integer season, Integer teamId) {
            this(name, tempo, offense, defense, adjOffense, adjDefense, season, teamId, null);
        }

        boolean isReference() {
            return season != null;
        }

        /** The inline team's profile; only for a team that is not a reference. */
        TeamProfile toProfile() {
            return new TeamProfile(name, tempo, offense.toProfile(), defense.toProfile(), adjOffense, adjDefense);
        }
    }

    record OffenseRequest(@Fraction Double twoPointPct, @Fraction Double threePointPct, @Fraction Double threePointRate,
                          @Fraction Double turnoverRate, @Fraction Double offensiveReboundRate,
                          @Fraction Double freeThrowRate, @Fraction Double freeThrowPct) {

        OffenseProfile toProfile() {
            return new OffenseProfile(twoPointPct, threePointPct, threePointRate, turnoverRate, offensiveReboundRate,
                    freeThrowRate, freeThrowPct);
        }
    }

    record DefenseRequest(@Fraction Double twoPointPct, @Fraction Double threePointPct, @Fraction Double threePointRate,
                          @Fraction Double turnoverRate, @Fraction Double offensiveReboundRate,
                          @Fraction Double freeThrowRate) {

        DefenseProfile toProfile() {
            return new DefenseProfile(twoPointPct, threePointPct, threePointRate, turnoverRate, offensiveReboundRate,
                    freeThrowRate);
        }
    }
}
