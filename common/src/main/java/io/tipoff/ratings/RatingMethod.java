package io.tipoff.ratings;

/**
 * How {@link SeasonRatings} weighs a season's games; the defaults were chosen by backtest (docs/MODEL.md, "Ratings
 * from the games").
 *
 * @param shrinkagePossessions ridge penalty on every team's offense and defense, in possessions of an average
 *                             opponent: a team is pulled towards average as if it had also played this many
 *                             possessions of exactly average basketball, which matters early in the season only
 * @param halfLifeDays         a game this many days before the rating's day counts half as much as one on that day;
 *                             {@code Double.POSITIVE_INFINITY} weighs the whole season alike
 * @param blowoutCap           a game's efficiency difference (points per 100 possessions, offense minus defense) beyond
 *                             this counts only up to it: the last ten minutes of a rout are played by the benches
 * @param ratePriorGames       the box-score rates (shooting, turnovers, rebounds, free throws) start from this many
 *                             games of the league average, so that a team with two games is not a 70% shooter
 */
public record RatingMethod(double shrinkagePossessions, double halfLifeDays, double blowoutCap,
                           double ratePriorGames) {

    public static final RatingMethod DEFAULT = new RatingMethod(30, Double.POSITIVE_INFINITY, 60, 2);

    public RatingMethod {
        if (!(shrinkagePossessions >= 0) || !(halfLifeDays > 0) || !(blowoutCap > 0) || !(ratePriorGames >= 0)) {
            throw new IllegalArgumentException("rating method parameters must be positive: " + shrinkagePossessions
                    + ", " + halfLifeDays + ", " + blowoutCap + ", " + ratePriorGames);
        }
    }
}
