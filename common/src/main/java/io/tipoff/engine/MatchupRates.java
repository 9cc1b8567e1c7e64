package io.tipoff.engine;

import io.tipoff.model.DefenseProfile;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.OffenseProfile;

/**
 * What one team's offense can expect against the other's defense: the rates we would observe in the box score.
 *
 * <p>Each rate meets its counterpart through the rule KenPom and Torvik use for their game predictions: offense times
 * defense over the league average. A 40% three-point shooting team against a defense allowing 30% in a 34% league
 * shoots 0.40 × 0.30 / 0.34 = 35.3%. Free-throw shooting belongs to the shooter alone.
 */
public record MatchupRates(double twoPointPct, double threePointPct, double threePointRate, double turnoverRate,
                           double offensiveReboundRate, double freeThrowRate, double freeThrowPct) {

    public static MatchupRates of(OffenseProfile offense, DefenseProfile defense, LeagueAverages league) {
        return new MatchupRates(
                combine(offense.twoPointPct(), defense.twoPointPct(), league.twoPointPct()),
                combine(offense.threePointPct(), defense.threePointPct(), league.threePointPct()),
                combine(offense.threePointRate(), defense.threePointRate(), league.threePointRate()),
                combine(offense.turnoverRate(), defense.turnoverRate(), league.turnoverRate()),
                combine(offense.offensiveReboundRate(), defense.offensiveReboundRate(), league.offensiveReboundRate()),
                combine(offense.freeThrowRate(), defense.freeThrowRate(), league.freeThrowRate()),
                offense.freeThrowPct());
    }

    private static double combine(double offense, double defense, double league) {
        return league > 0 ? Math.min(1.0, offense * defense / league) : offense;
    }

    /** The same matchup with every shot a three ({@code share} 1) or a two ({@code share} 0). */
    MatchupRates withThreePointRate(double share) {
        return new MatchupRates(twoPointPct, threePointPct, share, turnoverRate, offensiveReboundRate, freeThrowRate,
                freeThrowPct);
    }

    /** The same matchup with both field-goal percentages multiplied by {@code factor} (capped at 1). */
    MatchupRates withShootingScaled(double factor) {
        return new MatchupRates(Math.min(1.0, twoPointPct * factor), Math.min(1.0, threePointPct * factor),
                threePointRate, turnoverRate, offensiveReboundRate, freeThrowRate, freeThrowPct);
    }
}
