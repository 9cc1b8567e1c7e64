package io.tipoff.pool;

import io.tipoff.model.BracketShape;
import java.util.List;

/** How a pool scores a bracket: points for each game it picked right, by the game's round. */
public final class Scoring {

    private Scoring() {
    }

    /**
     * The points a correct pick of each game scores (playing order), from the points of each main round, first round
     * first; deeper games (the First Four) score nothing.
     */
    public static int[] points(BracketShape shape, List<Integer> scoring) {
        int main = scoring.size();
        int[] points = new int[shape.games()];
        for (int g = 0; g < shape.games(); g++) {
            int depth = shape.depth()[g];
            points[g] = depth < main ? scoring.get(main - 1 - depth) : 0;
        }
        return points;
    }

    /** A bracket's score: the points of every game it picked right. */
    public static int score(int[] picks, int[] winners, int[] points) {
        int score = 0;
        for (int g = 0; g < picks.length; g++) {
            if (picks[g] == winners[g]) {
                score += points[g];
            }
        }
        return score;
    }
}
