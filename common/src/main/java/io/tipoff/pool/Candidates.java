package io.tipoff.pool;

import io.tipoff.model.BracketShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The entries a pool job compares, all fixed before any tournament is played (from the pilot and the public's picks,
 * so every chunk scores the same ones): chalk, the favourites, and for each plausible champion the favourites'
 * bracket built around it, with the Final Four and the other finalist chosen by <em>value</em>.
 *
 * <p>A pick's value is {@code p / (1 + (entrants − 1) × share)}: the chance it comes true over the entrants expected
 * to hold it (this entry and the opponents who picked it too). Points that many opponents also score separate no one;
 * a slightly less likely team that few picked can be worth more.
 *
 * <p>In a pool that locks after some games, every candidate has each decided game's winner: chalk and the favourites
 * take it whatever the seeds or chances, and a champion or Final Four team is only ever one still in the tournament
 * (the pilot gives the others no chance).
 */
final class Candidates {

    /** Champions tried: the likeliest this many, and the most valuable this many (with at least 1% to win it). */
    static final int CHAMPIONS = 6;
    static final double MIN_CHAMPION_CHANCE = 0.01;

    /** A candidate entry: what it is, and its pick of every game (a team index), playing order. */
    record Candidate(String label, int[] picks) {
    }

    private final BracketShape shape;
    private final int rounds;
    /** {@code chance[t × rounds + depth]}: the model's (pilot's) chance that team t wins its game at that depth. */
    private final double[] chance;
    private final double[] share;
    private final int entrants;
    private final boolean[][] under;
    /** Per game: the team that won it, for a game already decided; −1 for one to pick. */
    private final int[] decided;

    private Candidates(BracketShape shape, double[] chance, double[] share, int entrants, int[] decided) {
        this.shape = shape;
        this.decided = decided;
        this.rounds = shape.rounds();
        this.chance = chance;
        this.share = share;
        this.entrants = entrants;
        this.under = shape.teamsUnder();
    }

    /**
     * @param seedNumbers each team's seed number (1 … 16), for chalk
     * @param ratings     each team's rating (higher is better), chalk's tie-break between equal seeds
     * @param decided     per game in playing order, the team that won it, or −1 for a game still to play
     */
    static List<Candidate> of(BracketShape shape, double[] chance, double[] share, int entrants, int[] seedNumbers,
                              double[] ratings, int[] decided) {
        return new Candidates(shape, chance, share, entrants, decided).all(seedNumbers, ratings);
    }

    private List<Candidate> all(int[] seedNumbers, double[] ratings) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("chalk", chalk(seedNumbers, ratings)));
        candidates.add(new Candidate("favorites", fill(unforced())));
        for (int champion : champions()) {
            String name = shape.seeds().get(champion);
            int[] forced = unforced();
            forced[champion] = 0;
            candidates.add(new Candidate("champion " + name, fill(forced)));

            int[] finalFour = forced.clone();
            forceFinalFour(finalFour, champion, -1);
            candidates.add(new Candidate("champion " + name + ", Final Four by value", fill(finalFour)));

            int finalGame = finalGame();
            int runnerUp = mostValuable(otherSide(finalGame, champion), 1);
            int[] final2 = forced.clone();
            final2[runnerUp] = Math.min(final2[runnerUp], 1);
            candidates.add(new Candidate("champion " + name + ", runner-up " + shape.seeds().get(runnerUp)
                    + " by value", fill(final2)));

            int[] both = final2.clone();
            forceFinalFour(both, champion, runnerUp);
            candidates.add(new Candidate("champion " + name + ", runner-up " + shape.seeds().get(runnerUp)
                    + " and Final Four by value", fill(both)));
        }
        return distinct(candidates);
    }

    /**
     * The same bracket reached two ways is compared once, under its first label; the two baselines (the first two)
     * are always kept, even when they are the same bracket.
     */
    private static List<Candidate> distinct(List<Candidate> candidates) {
        List<Candidate> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (seen.add(Arrays.toString(c.picks())) || i < 2) {
                kept.add(c);
            }
        }
        return kept;
    }

    private int[] unforced() {
        int[] forced = new int[shape.teams()];
        Arrays.fill(forced, Integer.MAX_VALUE);
        return forced;
    }

    /** The likeliest champions and the most valuable ones, in that order, each once. */
    private List<Integer> champions() {
        Set<Integer> chosen = new LinkedHashSet<>();
        Comparator<Integer> likeliest = Comparator.comparingDouble((Integer t) -> -chance(t, 0)).thenComparing(t -> t);
        Comparator<Integer> mostValuable = Comparator.comparingDouble((Integer t) -> -value(t, 0))
                .thenComparing(t -> t);
        List<Integer> teams = IntStream.range(0, shape.teams()).boxed()
                .filter(t -> chance(t, 0) >= MIN_CHAMPION_CHANCE).toList();
        teams.stream().sorted(likeliest).limit(CHAMPIONS).forEach(chosen::add);
        teams.stream().sorted(mostValuable).limit(CHAMPIONS).forEach(chosen::add);
        return List.copyOf(chosen);
    }

    private double chance(int team, int depth) {
        return chance[team * rounds + depth];
    }

    private double value(int team, int depth) {
        return chance(team, depth) / (1 + (entrants - 1) * share[team * rounds + depth]);
    }

    private int finalGame() {
        return shape.games() - 1;
    }

    /** The side of game g whose teams do not include {@code team}: the game feeding it, or a lone team. */
    private int otherSide(int g, int team) {
        int side = shape.strong()[g];
        boolean strongHasTeam = side >= 0 ? side == team : under[~side][team];
        return strongHasTeam ? shape.weak()[g] : side;
    }

    /** The team of a side with the most value at {@code depth}. */
    private int mostValuable(int side, int depth) {
        if (side >= 0) {
            return side;
        }
        boolean[] teams = under[~side];
        int best = -1;
        for (int t = 0; t < teams.length; t++) {
            if (teams[t] && (best < 0 || value(t, depth) > value(best, depth))) {
                best = t;
            }
        }
        return best;
    }

    /** In every regional final (depth 2) that holds neither given team, the most valuable team there reaches it. */
    private void forceFinalFour(int[] forced, int champion, int runnerUp) {
        for (int g = 0; g < shape.games(); g++) {
            if (shape.depth()[g] == 2 && !under[g][champion] && (runnerUp < 0 || !under[g][runnerUp])) {
                int team = mostValuable(~g, 2);
                forced[team] = Math.min(forced[team], 2);
            }
        }
    }

    /**
     * The favourites' bracket around forced picks: a team forced to depth d wins every game of its path down to the
     * one at depth d; every other game goes to the team the model gives the better chance of winning it. A decided
     * game goes to its winner.
     */
    private int[] fill(int[] forced) {
        int[] picks = new int[shape.games()];
        for (int g = 0; g < picks.length; g++) {
            if (decided[g] >= 0) {
                picks[g] = decided[g];
                continue;
            }
            int a = shape.strongTeam(g, picks);
            int b = shape.weakTeam(g, picks);
            int d = shape.depth()[g];
            picks[g] = forced[a] <= d ? a : forced[b] <= d ? b : chance(b, d) > chance(a, d) ? b : a;
        }
        return picks;
    }

    /**
     * The better seed wins every game; between equal seeds the better rating, then the strong side. A decided game goes
     * to its winner.
     */
    private int[] chalk(int[] seedNumbers, double[] ratings) {
        int[] picks = new int[shape.games()];
        for (int g = 0; g < picks.length; g++) {
            if (decided[g] >= 0) {
                picks[g] = decided[g];
                continue;
            }
            int a = shape.strongTeam(g, picks);
            int b = shape.weakTeam(g, picks);
            boolean bBetter = seedNumbers[b] < seedNumbers[a]
                    || seedNumbers[b] == seedNumbers[a] && ratings[b] > ratings[a];
            picks[g] = bBetter ? b : a;
        }
        return picks;
    }
}
