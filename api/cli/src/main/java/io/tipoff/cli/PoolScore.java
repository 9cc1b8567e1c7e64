package io.tipoff.cli;

import io.tipoff.engine.GameRandom;
import io.tipoff.model.BracketShape;
import io.tipoff.pool.PoolSpec;
import io.tipoff.pool.PublicField;
import io.tipoff.pool.Scoring;
import java.util.Arrays;
import java.util.List;

/**
 * An entry scored on a real tournament: its points, and where it finishes among many public fields drawn on that
 * outcome (each field {@code entrants − 1} opponents picking like the public, {@link PublicField}): its chance to win
 * the pool (a tie shared with k others counting 1 / (k + 1)) and its mean place.
 */
record PoolScore(int score, double winShare, double meanPlace) {

    /**
     * @param entry   the entry's pick of every game (team indexes of {@code shape}), playing order
     * @param winners the real winner of every game, likewise
     * @param fields  how many public fields to draw; the same {@code seed} draws the same fields for every entry
     */
    static PoolScore of(BracketShape shape, List<PoolSpec.SeedPicks> picks, List<Integer> scoring, int entrants,
                        int[] entry, int[] winners, int fields, long seed) {
        int[] points = Scoring.points(shape, scoring);
        int score = Scoring.score(entry, winners, points);
        PublicField field = PublicField.withPicks(shape, picks);
        GameRandom random = new GameRandom();
        int[] opponent = new int[shape.games()];
        double wins = 0;
        long places = 0;
        for (int f = 0; f < fields; f++) {
            random.startGame(seed, f);
            int above = 0;
            int level = 0;
            for (int i = 1; i < entrants; i++) {
                int theirs = field.drawAndScore(random, opponent, winners, points);
                above += theirs > score ? 1 : 0;
                level += theirs == score ? 1 : 0;
            }
            places += 1 + above;
            if (above == 0) {
                wins += 1.0 / (1 + level);
            }
        }
        return new PoolScore(score, wins / fields, (double) places / fields);
    }

    /** The team index of each game's real winner, from the winners of the games by the teams' seeds. */
    static int[] winners(BracketShape shape, java.util.function.BinaryOperator<String> winnerOf) {
        int[] winners = new int[shape.games()];
        for (int g = 0; g < shape.games(); g++) {
            int a = shape.strongTeam(g, winners);
            int b = shape.weakTeam(g, winners);
            String winner = winnerOf.apply(shape.seeds().get(a), shape.seeds().get(b));
            if (winner == null) {
                throw new IllegalStateException("no game between " + shape.seeds().get(a) + " and "
                        + shape.seeds().get(b) + " (slot " + shape.slots().get(g) + ") in the tournament's games");
            }
            winners[g] = winner.equals(shape.seeds().get(a)) ? a : b;
        }
        return winners;
    }

    /** A bracket given slot → seed as team indexes of {@code shape}, playing order. */
    static int[] picks(BracketShape shape, java.util.Map<String, String> bracket) {
        int[] picks = new int[shape.games()];
        for (int g = 0; g < shape.games(); g++) {
            String seed = bracket.get(shape.slots().get(g));
            picks[g] = shape.seeds().indexOf(seed);
            if (picks[g] < 0) {
                throw new IllegalStateException("the bracket picks " + seed + " in " + shape.slots().get(g)
                        + ", which is not a seed of the season");
            }
        }
        return picks;
    }

    @Override
    public String toString() {
        return "PoolScore" + Arrays.asList(score, winShare, meanPlace);
    }
}
