package io.tipoff.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct way a possession of one offense against one defense can go, with its exact probability, ready to be
 * drawn with a single random number from an {@link AliasTable}. Built once per team and chunk from the play tree
 * ({@link Play}); the game loop then costs one draw per possession instead of one per event.
 *
 * <p>A possession is a run of plays that ends when a play does not end in an offensive rebound. Runs of up to
 * {@value #PLAYS_PER_DRAW} plays are drawn at once; a run that is still alive after that many (about 2% of
 * possessions) is marked to continue, and the next draw from the same table carries on the possession: after an
 * offensive rebound a possession starts afresh.
 */
final class PossessionTable {

    static final int PLAYS_PER_DRAW = 2;
    static final int CONTINUES = 1 << 8;
    static final int POINTS = 0xFF;

    private final List<StatLine> lines;
    private final double[] probabilities;
    /** Points of entry i in the low byte, {@link #CONTINUES} set when the possession goes on: one read per draw. */
    private final int[] codes;

    private record Run(StatLine line, boolean continues) {
    }

    PossessionTable(PlayRates rates) {
        Map<StatLine, Double> plays = Play.outcomes(rates);
        Map<Run, Double> runs = new LinkedHashMap<>();
        Map<StatLine, Double> alive = Map.of(StatLine.NOTHING, 1.0);
        for (int depth = 1; depth <= PLAYS_PER_DRAW; depth++) {
            Map<StatLine, Double> next = new LinkedHashMap<>();
            for (var before : alive.entrySet()) {
                for (var play : plays.entrySet()) {
                    StatLine line = before.getKey().plus(play.getKey());
                    double p = before.getValue() * play.getValue();
                    boolean offensiveRebound = play.getKey().offensiveRebounds() > 0;
                    if (offensiveRebound && depth < PLAYS_PER_DRAW) {
                        next.merge(line, p, Double::sum);
                    } else {
                        runs.merge(new Run(line, offensiveRebound), p, Double::sum);
                    }
                }
            }
            alive = next;
        }
        lines = runs.keySet().stream().map(Run::line).toList();
        probabilities = runs.values().stream().mapToDouble(Double::doubleValue).toArray();
        codes = runs.keySet().stream()
                .mapToInt(run -> run.line().points() | (run.continues() ? CONTINUES : 0))
                .toArray();
    }

    /** Per entry: its points, and {@link #CONTINUES} when the possession goes on after it. */
    int[] codes() {
        return codes.clone();
    }

    double[] probabilities() {
        return probabilities.clone();
    }

    int code(int entry) {
        return codes[entry];
    }

    int size() {
        return codes.length;
    }

    StatLine line(int entry) {
        return lines.get(entry);
    }

    double probability(int entry) {
        return probabilities[entry];
    }

    /** Expected points of a whole possession: points per draw times draws per possession (Wald's identity). */
    double expectedPointsPerPossession() {
        double points = 0;
        double continues = 0;
        for (int i = 0; i < codes.length; i++) {
            points += probabilities[i] * (codes[i] & POINTS);
            continues += (codes[i] & CONTINUES) != 0 ? probabilities[i] : 0;
        }
        return continues >= 1 ? 0 : points / (1 - continues);
    }
}
