package io.tipoff.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event tree of one play, step by step in basketball terms. It is written once and used two ways: played with
 * random chances it simulates a play event by event; walked through every branch ({@link #outcomes}) it yields the
 * exact distribution of play outcomes from which {@link PossessionTable} builds what the fast engine samples.
 *
 * <pre>
 * play ─┬─ turnover ────────────────────────────────────────────── possession ends
 *       └─ shot: three or two ─┬─ shooting foul ─┬─ and-one: basket counts, 1 free throw
 *                              │                 └─ missed: 2 or 3 free throws
 *                              ├─ made ─────────────────────────── possession ends
 *                              └─ missed ── rebound
 * free throws: each made or missed; a missed last one is a live ball ── rebound
 * rebound ─┬─ offensive: a new play of the same possession
 *          └─ defensive: possession ends
 * </pre>
 */
final class Play {

    /** Decides one branch of the tree. */
    interface Chance {
        boolean happens(double probability);
    }

    private final PlayRates rates;
    private final Chance chance;
    private int points;
    private int twoPointAttempts;
    private int twoPointMade;
    private int threePointAttempts;
    private int threePointMade;
    private int freeThrowAttempts;
    private int freeThrowsMade;
    private int turnovers;
    private int offensiveRebounds;
    private int defensiveRebounds;

    private Play(PlayRates rates, Chance chance) {
        this.rates = rates;
        this.chance = chance;
    }

    /** Plays one play, deciding each branch with {@code chance}. */
    static StatLine run(PlayRates rates, Chance chance) {
        Play play = new Play(rates, chance);
        play.run();
        return play.outcome();
    }

    /**
     * Every distinct outcome of a play with its exact probability. Runs the play once per path through its tree: each
     * run replays the choices of the previous one up to its last branch still to explore, then takes the other side.
     * Impossible branches (probability 0) are skipped; paths ending in the same box-score line are merged.
     */
    static Map<StatLine, Double> outcomes(PlayRates rates) {
        Map<StatLine, Double> distribution = new LinkedHashMap<>();
        List<Boolean> path = new ArrayList<>();
        List<Double> odds = new ArrayList<>();
        while (true) {
            double[] probability = {1.0};
            int[] step = {0};
            StatLine outcome = run(rates, p -> {
                int i = step[0]++;
                if (i == path.size()) {
                    path.add(p > 0);
                    odds.add(p);
                }
                boolean yes = path.get(i);
                probability[0] *= yes ? p : 1 - p;
                return yes;
            });
            distribution.merge(outcome, probability[0], Double::sum);
            // Backtrack to the deepest "yes" whose "no" is still possible, and take the "no".
            int last = path.size() - 1;
            while (last >= 0 && (!path.get(last) || odds.get(last) >= 1)) {
                path.remove(last);
                odds.remove(last);
                last--;
            }
            if (last < 0) {
                return distribution;
            }
            path.set(last, false);
        }
    }

    private void run() {
        if (chance.happens(rates.turnover())) {
            turnovers++;
            return;
        }
        boolean three = chance.happens(rates.threeShare());
        int shotValue = three ? 3 : 2;
        if (chance.happens(rates.shootingFoul())) {
            if (chance.happens(rates.andOne())) {
                fieldGoal(three, true);
                freeThrows(1);
            } else {
                freeThrows(shotValue);
            }
            return;
        }
        boolean made = chance.happens(three ? rates.makeThree() : rates.makeTwo());
        fieldGoal(three, made);
        if (!made) {
            rebound();
        }
    }

    private void fieldGoal(boolean three, boolean made) {
        if (three) {
            threePointAttempts++;
            threePointMade += made ? 1 : 0;
        } else {
            twoPointAttempts++;
            twoPointMade += made ? 1 : 0;
        }
        points += made ? (three ? 3 : 2) : 0;
    }

    private void freeThrows(int shots) {
        boolean made = false;
        for (int shot = 0; shot < shots; shot++) {
            made = chance.happens(rates.freeThrow());
            freeThrowAttempts++;
            freeThrowsMade += made ? 1 : 0;
            points += made ? 1 : 0;
        }
        if (!made) {
            rebound();
        }
    }

    private void rebound() {
        if (chance.happens(rates.offensiveRebound())) {
            offensiveRebounds++;
        } else {
            defensiveRebounds++;
        }
    }

    private StatLine outcome() {
        return new StatLine(points, twoPointAttempts, twoPointMade, threePointAttempts, threePointMade,
                freeThrowAttempts, freeThrowsMade, turnovers, offensiveRebounds, defensiveRebounds);
    }
}
