package io.tipoff.model;

/**
 * A season's Division I averages: the baseline that one team's offense and another's defense are measured against
 * when they meet. Fields mean the same as in {@link OffenseProfile}; tempo is possessions per 40 minutes; efficiency
 * is points per 100 possessions.
 */
public record LeagueAverages(double twoPointPct, double threePointPct, double threePointRate, double turnoverRate,
                             double offensiveReboundRate, double freeThrowRate, double freeThrowPct, double tempo,
                             double efficiency) {

    /** The D-I free-throw percentage of 2013–2019 as the NCAA reports it; Torvik's data has no free-throw %. */
    public static final double DIVISION_I_FREE_THROW_PCT = 0.700;

    /**
     * Means over all 2,455 Division I team-seasons of 2013–2019 in Bart Torvik's season statistics
     * (2P_O, 3P_O, the three-point share derived from EFG_O, TOR, ORB, FTR, ADJ_T, ADJOE).
     */
    public static final LeagueAverages DIVISION_I_2013_2019 =
            new LeagueAverages(0.488, 0.344, 0.351, 0.188, 0.299, 0.360, DIVISION_I_FREE_THROW_PCT, 67.8, 103.3);

    public LeagueAverages {
        Rates.fraction("league.twoPointPct", twoPointPct);
        Rates.fraction("league.threePointPct", threePointPct);
        Rates.fraction("league.threePointRate", threePointRate);
        Rates.fraction("league.turnoverRate", turnoverRate);
        Rates.fraction("league.offensiveReboundRate", offensiveReboundRate);
        Rates.fraction("league.freeThrowRate", freeThrowRate);
        Rates.fraction("league.freeThrowPct", freeThrowPct);
        Rates.positive("league.tempo", tempo, TeamProfile.MAX_TEMPO);
        Rates.positive("league.efficiency", efficiency, TeamProfile.MAX_EFFICIENCY);
    }

    /**
     * The averages of a season's teams: the mean of their offensive rates, tempos and (where every team has one)
     * adjusted offensive efficiencies. Free-throw % is the D-I figure when the teams carry none of their own.
     */
    public static LeagueAverages of(java.util.Collection<TeamProfile> teams) {
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("no teams to average");
        }
        double n = teams.size();
        double[] sums = new double[9];
        boolean allAdjusted = true;
        for (TeamProfile team : teams) {
            OffenseProfile o = team.offense();
            sums[0] += o.twoPointPct();
            sums[1] += o.threePointPct();
            sums[2] += o.threePointRate();
            sums[3] += o.turnoverRate();
            sums[4] += o.offensiveReboundRate();
            sums[5] += o.freeThrowRate();
            sums[6] += o.freeThrowPct();
            sums[7] += team.tempo();
            allAdjusted &= team.hasAdjustedEfficiency();
            sums[8] += team.hasAdjustedEfficiency() ? team.adjOffense() : 0;
        }
        return new LeagueAverages(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n,
                sums[6] / n, sums[7] / n, allAdjusted ? sums[8] / n : DIVISION_I_2013_2019.efficiency());
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
