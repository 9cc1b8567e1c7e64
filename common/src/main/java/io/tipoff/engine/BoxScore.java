package io.tipoff.engine;

/**
 * One team's box-score totals over a set of simulated games. Totals, not averages, so that box scores of disjoint
 * sets of games add up exactly.
 */
public record BoxScore(long possessions, long points, long twoPointAttempts, long twoPointMade,
                       long threePointAttempts, long threePointMade, long freeThrowAttempts, long freeThrowsMade,
                       long turnovers, long offensiveRebounds, long defensiveRebounds) {

    public static final BoxScore EMPTY = new BoxScore(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public BoxScore plus(BoxScore o) {
        return new BoxScore(possessions + o.possessions, points + o.points, twoPointAttempts + o.twoPointAttempts,
                twoPointMade + o.twoPointMade, threePointAttempts + o.threePointAttempts,
                threePointMade + o.threePointMade, freeThrowAttempts + o.freeThrowAttempts,
                freeThrowsMade + o.freeThrowsMade, turnovers + o.turnovers, offensiveRebounds + o.offensiveRebounds,
                defensiveRebounds + o.defensiveRebounds);
    }

    public long fieldGoalAttempts() {
        return twoPointAttempts + threePointAttempts;
    }
}
