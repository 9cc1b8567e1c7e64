package io.tipoff.api.job;

import io.tipoff.model.DefenseProfile;
import io.tipoff.model.JobType;
import io.tipoff.model.Matchup;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/jobs}. Limits that depend on configuration (the most simulations, the most chunks)
 * are checked by {@link JobService}.
 *
 * @param seed      optional; a random one is chosen and stored when absent
 * @param chunkSize optional games per chunk; the configured default when absent
 */
record JobRequest(@NotNull(message = "is required") JobType type,
                  @NotNull(message = "is required") @Positive(message = "must be at least 1") Long simulations,
                  Long seed,
                  @Positive(message = "must be at least 1")
                  @Max(value = ChunkPlan.MAX_CHUNK_SIZE, message = "must be at most " + ChunkPlan.MAX_CHUNK_SIZE)
                  Integer chunkSize,
                  @Valid MatchupRequest matchup) {

    record MatchupRequest(@NotNull(message = "is required") @Valid TeamRequest teamA,
                          @NotNull(message = "is required") @Valid TeamRequest teamB, Venue venue) {

        Matchup toMatchup() {
            return new Matchup(teamA.toProfile(), teamB.toProfile(), venue);
        }
    }

    /** A team given inline: tempo in possessions per 40 minutes, rates as fractions. */
    record TeamRequest(@NotBlank(message = "is required") @Size(max = 100) String name,
                       @NotNull(message = "is required")
                       @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
                       @DecimalMax(value = "200", message = "must be at most 200") Double tempo,
                       @NotNull(message = "is required") @Valid OffenseRequest offense,
                       @NotNull(message = "is required") @Valid DefenseRequest defense) {

        TeamProfile toProfile() {
            return new TeamProfile(name, tempo, offense.toProfile(), defense.toProfile());
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
