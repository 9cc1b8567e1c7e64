package io.tipoff.engine;

/**
 * The box-score line of one play or of a run of plays. A play runs from gaining the ball (or an offensive rebound) to
 * a score, a turnover or a rebound. Rebounds are counted on the offense's line: {@code defensiveRebounds} are the
 * opponents'.
 */
record StatLine(int points, int twoPointAttempts, int twoPointMade, int threePointAttempts, int threePointMade,
                int freeThrowAttempts, int freeThrowsMade, int turnovers, int offensiveRebounds,
                int defensiveRebounds) {

    static final StatLine NOTHING = new StatLine(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    StatLine plus(StatLine o) {
        return new StatLine(points + o.points, twoPointAttempts + o.twoPointAttempts, twoPointMade + o.twoPointMade,
                threePointAttempts + o.threePointAttempts, threePointMade + o.threePointMade,
                freeThrowAttempts + o.freeThrowAttempts, freeThrowsMade + o.freeThrowsMade, turnovers + o.turnovers,
                offensiveRebounds + o.offensiveRebounds, defensiveRebounds + o.defensiveRebounds);
    }
}
