package io.tipoff.model;

/**
 * A season's Division I averages: the baseline that one team's offense and another's defense are measured against
 * when they meet. Fields mean the same as in {@link OffenseProfile}; tempo is possessions per 40 minutes.
 */
public record LeagueAverages(double twoPointPct, double threePointPct, double threePointRate, double turnoverRate,
                             double offensiveReboundRate, double freeThrowRate, double freeThrowPct, double tempo) {

    /**
     * Means over all 2,455 Division I team-seasons of 2013–2019 in Bart Torvik's season statistics
     * (2P_O, 3P_O, the three-point share derived from EFG_O, TOR, ORB, FTR, ADJ_T). Free-throw percentage is not in
     * that data; 0.70 is the D-I average of those seasons reported by the NCAA.
     */
    public static final LeagueAverages DIVISION_I_2013_2019 =
            new LeagueAverages(0.488, 0.344, 0.351, 0.188, 0.299, 0.360, 0.700, 67.8);

    public LeagueAverages {
        Rates.fraction("league.twoPointPct", twoPointPct);
        Rates.fraction("league.threePointPct", threePointPct);
        Rates.fraction("league.threePointRate", threePointRate);
        Rates.fraction("league.turnoverRate", turnoverRate);
        Rates.fraction("league.offensiveReboundRate", offensiveReboundRate);
        Rates.fraction("league.freeThrowRate", freeThrowRate);
        Rates.fraction("league.freeThrowPct", freeThrowPct);
        Rates.positive("league.tempo", tempo, TeamProfile.MAX_TEMPO);
    }

    /** A team that is exactly average at both ends: handy for calibration checks. */
    public TeamProfile averageTeam(String name) {
        return new TeamProfile(name, tempo,
                new OffenseProfile(twoPointPct, threePointPct, threePointRate, turnoverRate, offensiveReboundRate,
                        freeThrowRate, freeThrowPct),
                new DefenseProfile(twoPointPct, threePointPct, threePointRate, turnoverRate, offensiveReboundRate,
                        freeThrowRate));
    }
}
