package io.tipoff.engine;

import java.util.Map;

/**
 * The probabilities at each branch of a play, solved from the box-score rates of a {@link MatchupRates} so that the
 * simulated box score reproduces them exactly in expectation.
 *
 * <p>Why they differ from the box-score rates:
 * <ul>
 * <li>A shooting foul on a missed shot gives free throws and no field-goal attempt, while an and-one counts as a
 * made attempt. So the foul probability per shot {@code q} solves FTA/FGA = q(a + (1−a)(2 + 3PA share)) / (1 − q(1−a)),
 * with {@code a} the and-one share of shooting fouls, and the make probability of an unfouled shot {@code m} solves
 * FG% = ((1−q)m + qa) / (1 − q + qa).
 * <li>Turnover rate is per possession, but a possession extended by an offensive rebound has a second chance to turn it
 * over. With {@code c} the chance a play ends in an offensive rebound, the per-play turnover probability
 * t(1−c)/(1−tc) gives t turnovers per possession.
 * </ul>
 *
 * @param turnover         the play ends in a turnover
 * @param threeShare       a shot is a three
 * @param shootingFoul     a shot draws a shooting foul
 * @param andOne           a shooting foul comes on a made shot (one free throw follows)
 * @param makeTwo          an unfouled two goes in
 * @param makeThree        an unfouled three goes in
 * @param freeThrow        a free throw goes in
 * @param offensiveRebound a live missed shot or missed last free throw is rebounded by the offense
 */
record PlayRates(double turnover, double threeShare, double shootingFoul, double andOne, double makeTwo,
                 double makeThree, double freeThrow, double offensiveRebound) {

    /**
     * Share of shooting fouls that come on made shots (and-ones). An estimate from NCAA play-by-play: about one
     * shooting foul in five is an and-one.
     */
    static final double AND_ONE_SHARE = 0.20;

    static PlayRates of(MatchupRates rates) {
        double a = AND_ONE_SHARE;
        double threes = rates.threePointRate();
        double foul = rates.freeThrowRate() / (a + (1 - a) * (2 + threes) + rates.freeThrowRate() * (1 - a));
        double makeTwo = unfouledMake(rates.twoPointPct(), foul, a);
        double makeThree = unfouledMake(rates.threePointPct(), foul, a);
        double unfouledMake = threes * makeThree + (1 - threes) * makeTwo;
        double liveMiss = (1 - foul) * (1 - unfouledMake) + foul * (1 - rates.freeThrowPct());
        double secondChance = rates.offensiveReboundRate() * liveMiss;
        double t = rates.turnoverRate();
        double turnover = t >= 1 ? 1 : t * (1 - secondChance) / (1 - t * secondChance);
        return new PlayRates(turnover, threes, foul, a, makeTwo, makeThree, rates.freeThrowPct(),
                rates.offensiveReboundRate());
    }

    /**
     * Expected points of a possession with these rates: points per play over the chance a play does not end in an
     * offensive rebound (plays per possession, by Wald's identity), from the exact distribution of one play.
     */
    double expectedPointsPerPossession() {
        double points = 0;
        double continues = 0;
        for (Map.Entry<StatLine, Double> play : Play.outcomes(this).entrySet()) {
            points += play.getValue() * play.getKey().points();
            continues += play.getKey().offensiveRebounds() > 0 ? play.getValue() : 0;
        }
        return continues >= 1 ? 0 : points / (1 - continues);
    }

    private static double unfouledMake(double fieldGoalPct, double foul, double andOne) {
        if (foul >= 1) {
            return 0;
        }
        double make = (fieldGoalPct * (1 - foul + foul * andOne) - foul * andOne) / (1 - foul);
        return Math.max(0.0, Math.min(1.0, make));
    }
}
