package io.tipoff.pool;

import io.tipoff.engine.GameRandom;
import io.tipoff.model.BracketShape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the pool's other entrants fill in their brackets. Each team has a public strength per round; an opponent picks
 * every game in playing order between the two teams its own bracket sent there, team {@code a} over {@code b} with
 * probability {@code s_a / (s_a + s_b)} (one half when both are 0). With imported picks, {@code s} is the share of the
 * public that picked the team to win that round (ESPN's "Who Picked Whom"): exact for the first round, where the two
 * shares add up to one, and the usual approximation after it. Without picks, {@code s} is the model's own chance that
 * the team wins that round, raised to {@link #SHARPNESS}: picked this way, round after round, the favourites end up
 * in more brackets than their chances, as they do in the public's.
 * A First Four game is picked with the round of 64's shares (an unlisted team of the pair is never picked).
 *
 * <p>A pool that locks after some games ({@link #withResults}): the opponents fill in their brackets knowing them, so
 * every one of them has each decided game's winner, and picks the games still open by the same rule between the teams
 * its bracket sends there. The strengths stay those of the picks (fitted before any game, as the public made them).
 */
public final class PublicField {

    /**
     * The exponent of the rule without picks. Picking every game in proportion to the teams' chances of winning it
     * already leans to the favourites, since the picks compound round by round (2018: the rule gives Virginia, the
     * model's favourite at 22.4%, 34.5% of the brackets' titles). Chosen on the three seasons with ESPN's picks
     * (2016–2018) by the mean absolute difference between the rule's pick shares and ESPN's over every team and round:
     * 0.8 gave 0.0465, 0.9 0.0439, 1.0 0.0429, 1.1 0.0430, 1.2 0.0439, 1.6 0.0495, 2.0 0.0552 (docs/MODEL.md).
     */
    public static final double SHARPNESS = 1.0;

    private final BracketShape shape;
    private final int rounds;
    /** {@code pick[(depth × teams + a) × teams + b]}: the chance an opponent picks a over b in a game at that depth. */
    private final double[] pick;
    /** Per game in playing order: the team every opponent picks, for a game already decided; −1 for one to pick. */
    private final int[] decided;
    /** {@code shares[t × rounds + depth]}: the share of opponents whose bracket has t winning its game at that depth. */
    private final double[] shares;

    private PublicField(BracketShape shape, double[] strength) {
        this(shape, pickChances(shape, strength), noneDecided(shape));
    }

    private PublicField(BracketShape shape, double[] pick, int[] decided) {
        this.shape = shape;
        this.rounds = shape.rounds();
        this.pick = pick;
        this.decided = decided;
        this.shares = exactShares();
    }

    private static double[] pickChances(BracketShape shape, double[] strength) {
        int rounds = shape.rounds();
        int teams = shape.teams();
        double[] pick = new double[rounds * teams * teams];
        for (int d = 0; d < rounds; d++) {
            for (int a = 0; a < teams; a++) {
                for (int b = 0; b < teams; b++) {
                    double sa = strength[a * rounds + d];
                    double sb = strength[b * rounds + d];
                    pick[(d * teams + a) * teams + b] = sa + sb > 0 ? sa / (sa + sb) : 0.5;
                }
            }
        }
        return pick;
    }

    private static int[] noneDecided(BracketShape shape) {
        int[] none = new int[shape.games()];
        Arrays.fill(none, -1);
        return none;
    }

    /**
     * The same field in a pool that locks after the decided games: every opponent picks their winners (and takes no
     * random draw for them), and the games still open as before.
     *
     * @param decided per game in playing order, the team that won it, or −1 for a game still to play
     *                ({@link io.tipoff.engine.TournamentModel#decided()})
     */
    public PublicField withResults(int[] decided) {
        if (decided.length != shape.games()) {
            throw new IllegalArgumentException("decided has " + decided.length + " games, the bracket "
                    + shape.games());
        }
        return new PublicField(shape, pick, decided.clone());
    }

    /**
     * The field of imported picks. A seed without picks has strength 0 (never picked where a listed team can be).
     *
     * @param picks by seed: the shares of rounds 0 (round of 64) … main rounds − 1 (the final)
     */
    public static PublicField withPicks(BracketShape shape, List<PoolSpec.SeedPicks> picks) {
        int rounds = shape.rounds();
        int main = shape.mainRounds();
        Map<String, List<Double>> bySeed = new HashMap<>();
        picks.forEach(p -> bySeed.put(p.seed(), p.shares()));
        double[] strength = new double[shape.teams() * rounds];
        for (int t = 0; t < shape.teams(); t++) {
            List<Double> shares = bySeed.get(shape.seeds().get(t));
            if (shares == null) {
                continue;
            }
            for (int d = 0; d < rounds; d++) {
                // Depth main − 1 is the first main round (shares[0]); deeper games (the First Four) use it too.
                int round = Math.max(0, main - 1 - d);
                strength[t * rounds + d] = round < shares.size() ? shares.get(round) : 0;
            }
        }
        return fitted(shape, strength, targets(shape, strength, main));
    }

    /** Rounds of fitting: enough for the shares to settle within the picks' own rounding (0.001). */
    static final int FITTING_ROUNDS = 200;

    /**
     * The picks' shares of each main-round game, made to add up to one over the teams that can play it (ESPN's are
     * rounded to 0.001): what the field's brackets must reproduce.
     */
    private static double[] targets(BracketShape shape, double[] strength, int main) {
        int rounds = shape.rounds();
        boolean[][] under = shape.teamsUnder();
        double[] targets = new double[strength.length];
        for (int g = 0; g < shape.games(); g++) {
            int d = shape.depth()[g];
            if (d >= main) {
                continue;
            }
            double sum = 0;
            for (int t = 0; t < shape.teams(); t++) {
                sum += under[g][t] ? strength[t * rounds + d] : 0;
            }
            for (int t = 0; t < shape.teams(); t++) {
                if (under[g][t] && sum > 0) {
                    targets[t * rounds + d] = strength[t * rounds + d] / sum;
                }
            }
        }
        return targets;
    }

    /**
     * Fits the strengths so that the field's brackets carry each team to each round as often as the public's did:
     * picking game by game with the raw shares as strengths compounds the favourites (in 2018, 29% of such brackets
     * would have Villanova champion, against ESPN's 16%). Each round, every team's strength is scaled by its target
     * share over the share it gets; the First Four keeps its raw strengths.
     */
    private static PublicField fitted(BracketShape shape, double[] strength, double[] targets) {
        double[] fitted = strength.clone();
        PublicField field = new PublicField(shape, fitted);
        for (int round = 0; round < FITTING_ROUNDS; round++) {
            for (int i = 0; i < fitted.length; i++) {
                if (targets[i] > 0 && field.shares[i] > 0) {
                    fitted[i] *= targets[i] / field.shares[i];
                }
            }
            field = new PublicField(shape, fitted);
        }
        return field;
    }

    /**
     * The rule without picks: a team's strength in a round is the model's (the pilot's) chance that it wins its game of
     * that round, to the power {@link #SHARPNESS}.
     *
     * @param chances {@code chances[t × rounds + depth]}, the model's chance that team t wins its game at that depth
     */
    public static PublicField withoutPicks(BracketShape shape, double[] chances) {
        double[] strength = new double[chances.length];
        for (int i = 0; i < chances.length; i++) {
            strength[i] = StrictMath.pow(chances[i], SHARPNESS);
        }
        return new PublicField(shape, strength);
    }

    /** One opponent's bracket, drawn from {@code random}: the team it picks in each game, playing order. */
    public void draw(GameRandom random, int[] picks) {
        int teams = shape.teams();
        for (int g = 0; g < picks.length; g++) {
            if (decided[g] >= 0) {
                picks[g] = decided[g];
                continue;
            }
            int a = shape.strongTeam(g, picks);
            int b = shape.weakTeam(g, picks);
            double p = pick[(shape.depth()[g] * teams + a) * teams + b];
            picks[g] = random.nextDouble() < p ? a : b;
        }
    }

    /** An opponent's bracket drawn and scored against {@code winners} at once: its score. */
    public int drawAndScore(GameRandom random, int[] picks, int[] winners, int[] points) {
        int teams = shape.teams();
        int[] depth = shape.depth();
        int score = 0;
        for (int g = 0; g < picks.length; g++) {
            int a = shape.strongTeam(g, picks);
            int b = shape.weakTeam(g, picks);
            int chosen = decided[g] >= 0 ? decided[g]
                    : random.nextDouble() < pick[(depth[g] * teams + a) * teams + b] ? a : b;
            picks[g] = chosen;
            if (chosen == winners[g]) {
                score += points[g];
            }
        }
        return score;
    }

    /** {@code shares()[t × rounds + depth]}: the share of opponents that pick team t to win its game at that depth. */
    public double[] shares() {
        return shares.clone();
    }

    /**
     * The exact shares of the pick rule, game by game from the first: a team is picked to win a game when its side
     * picked it and it is picked over whichever team the other side picked; a decided game's winner by every opponent.
     */
    private double[] exactShares() {
        int teams = shape.teams();
        int games = shape.games();
        double[][] won = new double[games][];
        double[] result = new double[teams * rounds];
        for (int g = 0; g < games; g++) {
            double[] here = decided[g] >= 0 ? side(decided[g], won, teams)
                    : picked(g, side(shape.strong()[g], won, teams), side(shape.weak()[g], won, teams));
            int d = shape.depth()[g];
            won[g] = here;
            for (int t = 0; t < teams; t++) {
                if (here[t] > 0) {
                    result[t * rounds + d] = here[t];
                }
            }
        }
        return result;
    }

    /** The share of opponents picking each team to win game g, from the shares its two sides send there. */
    private double[] picked(int g, double[] strongSide, double[] weakSide) {
        int teams = shape.teams();
        int d = shape.depth()[g];
        double[] here = new double[teams];
        for (int a = 0; a < teams; a++) {
            for (int b = 0; b < teams; b++) {
                double meet = strongSide[a] * weakSide[b];
                if (meet > 0) {
                    double p = pick[(d * teams + a) * teams + b];
                    here[a] += meet * p;
                    here[b] += meet * (1 - p);
                }
            }
        }
        return here;
    }

    private static double[] side(int side, double[][] won, int teams) {
        if (side < 0) {
            return won[~side];
        }
        double[] team = new double[teams];
        team[side] = 1;
        return team;
    }
}
