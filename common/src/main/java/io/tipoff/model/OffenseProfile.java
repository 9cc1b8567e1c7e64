package io.tipoff.model;

/**
 * What a team's offense does, as season rates (fractions 0–1).
 *
 * @param twoPointPct          two-point field goals made per attempt
 * @param threePointPct        three-point field goals made per attempt
 * @param threePointRate       share of field-goal attempts that are threes
 * @param turnoverRate         turnovers per possession
 * @param offensiveReboundRate share of its own missed shots the offense rebounds
 * @param freeThrowRate        free-throw attempts per field-goal attempt
 * @param freeThrowPct         free throws made per attempt
 */
public record OffenseProfile(double twoPointPct, double threePointPct, double threePointRate, double turnoverRate,
                             double offensiveReboundRate, double freeThrowRate, double freeThrowPct) {

    public OffenseProfile {
        Rates.fraction("offense.twoPointPct", twoPointPct);
        Rates.fraction("offense.threePointPct", threePointPct);
        Rates.fraction("offense.threePointRate", threePointRate);
        Rates.fraction("offense.turnoverRate", turnoverRate);
        Rates.fraction("offense.offensiveReboundRate", offensiveReboundRate);
        Rates.fraction("offense.freeThrowRate", freeThrowRate);
        Rates.fraction("offense.freeThrowPct", freeThrowPct);
    }
}
