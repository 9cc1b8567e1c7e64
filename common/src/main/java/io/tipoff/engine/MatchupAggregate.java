package io.tipoff.engine;

import java.util.Objects;

/**
 * Everything a set of simulated games of one matchup adds up to, in exact integer counts. Aggregates of disjoint sets
 * of games merge by addition: any split of a job into chunks and threads reduces to the same aggregate.
 *
 * @param games           games played
 * @param teamAWins       games team A won (every game has a winner)
 * @param teamAPoints     team A's final score
 * @param teamBPoints     team B's final score
 * @param margin          team A's score minus team B's
 * @param totalPoints     both scores added
 * @param overtimePeriods overtime periods played (0 when decided in regulation)
 * @param teamABox        team A's box-score totals; its defensive rebounds are of team B's misses
 * @param teamBBox        team B's box-score totals
 */
public record MatchupAggregate(long games, long teamAWins, Histogram teamAPoints, Histogram teamBPoints,
                               Histogram margin, Histogram totalPoints, Histogram overtimePeriods, BoxScore teamABox,
                               BoxScore teamBBox) {

    public static final MatchupAggregate EMPTY = new MatchupAggregate(0, 0, Histogram.EMPTY, Histogram.EMPTY,
            Histogram.EMPTY, Histogram.EMPTY, Histogram.EMPTY, BoxScore.EMPTY, BoxScore.EMPTY);

    public MatchupAggregate {
        Objects.requireNonNull(teamAPoints, "teamAPoints");
        Objects.requireNonNull(teamBPoints, "teamBPoints");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(totalPoints, "totalPoints");
        Objects.requireNonNull(overtimePeriods, "overtimePeriods");
        Objects.requireNonNull(teamABox, "teamABox");
        Objects.requireNonNull(teamBBox, "teamBBox");
    }

    public MatchupAggregate merge(MatchupAggregate o) {
        return new MatchupAggregate(games + o.games, teamAWins + o.teamAWins, teamAPoints.merge(o.teamAPoints),
                teamBPoints.merge(o.teamBPoints), margin.merge(o.margin), totalPoints.merge(o.totalPoints),
                overtimePeriods.merge(o.overtimePeriods), teamABox.plus(o.teamABox), teamBBox.plus(o.teamBBox));
    }
}
