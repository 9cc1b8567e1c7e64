package io.tipoff.ratings;

/**
 * One team's box score in one game, as Kaggle's detailed results give it. Field goals count all of them, threes
 * included.
 */
public record TeamBox(int teamId, int points, int fieldGoalsMade, int fieldGoalsAttempted, int threesMade,
                      int threesAttempted, int freeThrowsMade, int freeThrowsAttempted, int offensiveRebounds,
                      int defensiveRebounds, int assists, int turnovers, int steals, int blocks, int fouls) {

    /**
     * Possessions this team had, by the usual box-score estimate (Dean Oliver's, with KenPom's 0.475 for the share of
     * free-throw attempts that end a possession): attempts not rebounded by the offense, turnovers, free-throw trips.
     */
    public double possessions() {
        return fieldGoalsAttempted - offensiveRebounds + turnovers + 0.475 * freeThrowsAttempted;
    }

    /** The points the box score adds up to: two per field goal, one more per three, one per free throw. */
    public int boxScorePoints() {
        return 2 * fieldGoalsMade + threesMade + freeThrowsMade;
    }
}
