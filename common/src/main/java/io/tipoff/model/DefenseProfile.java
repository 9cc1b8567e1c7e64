package io.tipoff.model;

/**
 * What a team's defense allows its opponents, as season rates (fractions 0–1): their shooting, the turnovers it
 * forces, the offensive rebounds and free throws it gives up. Field meanings match {@link OffenseProfile}.
 */
public record DefenseProfile(double twoPointPct, double threePointPct, double threePointRate, double turnoverRate,
                             double offensiveReboundRate, double freeThrowRate) {

    public DefenseProfile {
        Rates.fraction("defense.twoPointPct", twoPointPct);
        Rates.fraction("defense.threePointPct", threePointPct);
        Rates.fraction("defense.threePointRate", threePointRate);
        Rates.fraction("defense.turnoverRate", turnoverRate);
        Rates.fraction("defense.offensiveReboundRate", offensiveReboundRate);
        Rates.fraction("defense.freeThrowRate", freeThrowRate);
    }
}
