package io.tipoff.engine;

import io.tipoff.model.GameState;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a range of games of one matchup, possession by possession, and counts what happened. Not thread-safe: each
 * thread plays its own range with its own simulator and the aggregates are merged.
 *
 * <p>A game: each team gets the same number of possessions in regulation, drawn around the matchup's tempo; they
 * alternate, from the team that wins the period's jump ball (a coin toss). Each possession is one draw from one of the
 * offense's possession tables (a run of plays ending in a score, a turnover or a defensive rebound). A team behind the
 * margin expected at that point plays a little better, the other a little worse ({@code marginReversion}). The last
 * possession of a stretch, within its last shot clock, is its end game ({@link #endGame}): a team with the ball up by
 * at most three is fouled and the team behind gets the last shot, played for the tie when down two or three
 * (docs/MODEL.md). Tied after regulation, five-minute overtime periods are played until one is not tied.
 */
final class GameSimulator {

    /**
     * Two teams that cannot score would stay tied forever. No real game gets this far (the record in Division I is
     * seven overtimes; a real matchup reaches ten about once in a billion games); past it the game goes to whoever wins
     * a coin toss, scored as one extra point. With {@link #MAX_DRAWS_PER_POSSESSION} it bounds the work of any game,
     * whatever the teams: at most (regulation + 10 overtimes of possessions) × 10 draws, a few times a real game's,
     * where teams that cannot score used to play 50 overtimes of up to 100 draws a possession (hundreds of times a real
     * game's when every miss was rebounded).
     */
    static final int MAX_OVERTIMES = 10;

    /**
     * An offense that always gets its misses back and never scores or turns it over would keep the ball forever; a
     * possession ends after this many draws. A draw is already a whole run of plays and only about 2% of them leave the
     * possession going on, so a real possession needs ten draws about once in 10^15.
     */
    static final int MAX_DRAWS_PER_POSSESSION = 10;

    /** An offense's tables, in the order {@link Team} stacks them. */
    private static final int EVEN = 0;
    private static final int BEHIND = 1;
    private static final int AHEAD = 2;
    private static final int THREE_TO_TIE = 3;
    private static final int TWO_TO_TIE = 4;
    /** Bits 16–23 of a possession's 32 random bits choose between tables; the alias draw uses the others. */
    private static final int MIX_SHIFT = 16;
    private static final int MIX_ONE = 1 << 8;
    /** Pairs of possessions played from the same tables. */
    private static final int BLOCK = 4;
    /**
     * The end game's margin: a team behind by at most this much (one three) fouls the team with the last possession
     * to get the ball back.
     */
    static final int FOULED_LEAD = 3;

    private final long seed;
    private final GameRandom random = new GameRandom();
    private MatchupModel model;
    private Team teamA;
    private Team teamB;
    /** Where a simulator of changing matchups counts draws it does not keep. */
    private final long[] scratch;
    /** Of the last game played. */
    private int possessions;
    private int overtimes;
    /** Of the game being played: how much better (points per possession) each offense is than its rating says. */
    private double formA;
    private double formB;
    private long possessionsPlayed;
    private long teamAWins;
    private final Histogram.Builder teamAPoints = new Histogram.Builder(0, 160);
    private final Histogram.Builder teamBPoints = new Histogram.Builder(0, 160);
    private final Histogram.Builder margin = new Histogram.Builder(-80, 80);
    private final Histogram.Builder totalPoints = new Histogram.Builder(60, 260);
    private final Histogram.Builder overtimePeriods = new Histogram.Builder(0, 4);

    /**
     * One offense's tables stacked for drawing. Built once per matchup ({@link MatchupModel}) and shared by every
     * simulator of it: building them costs as much as playing a few hundred games.
     */
    static final class Tables {
        final AliasTable tables;
        final StatLine[] lines;
        /** Expected points per possession of the even table. */
        final double expected;
        /** Mix units (2^-8) per point per possession of shift, up and down. */
        final double upScale;
        final double downScale;
        /** The offense's free-throw %, as a threshold on 32 random bits: the two free throws of a foul at the end. */
        final long freeThrowThreshold;
        /** Lines of the largest stack: five tables of at most {@link AliasTable#MAX_OUTCOMES} columns. */
        static final int MAX_LINES = 5 * AliasTable.MAX_OUTCOMES;

        Tables(MatchupModel.Offense offense) {
            List<PossessionTable> stack = List.of(offense.even(), offense.behind(), offense.ahead(),
                    offense.threeToTie(), offense.twoToTie());
            List<double[]> probabilities = new ArrayList<>();
            List<int[]> codes = new ArrayList<>();
            stack.forEach(table -> {
                probabilities.add(table.probabilities());
                codes.add(table.codes());
            });
            tables = new AliasTable(probabilities, codes);
            lines = new StatLine[stack.size() * tables.stride()];
            for (int t = 0; t < stack.size(); t++) {
                for (int i = 0; i < stack.get(t).size(); i++) {
                    lines[t * tables.stride() + i] = stack.get(t).line(i);
                }
            }
            expected = offense.expectedPointsPerPossession();
            upScale = offense.stepUp() > 0 ? MIX_ONE / offense.stepUp() : 0;
            downScale = offense.stepDown() > 0 ? MIX_ONE / offense.stepDown() : 0;
            freeThrowThreshold = (long) (offense.freeThrowPct() * 0x1p32);
        }

        /**
         * The mix that moves expected points per possession by {@code shift}, as far as the tables reach: positive,
         * the share (in 2^-8) of possessions played from the behind table; negative, from the ahead table.
         */
        int mix(double shift) {
            return shift >= 0 ? (int) Math.min(MIX_ONE, shift * upScale) : (int) Math.max(-MIX_ONE, shift * downScale);
        }
    }

    /** One offense's shared tables, and how often this simulator drew each line of each. */
    private static final class Team {
        final AliasTable tables;
        final StatLine[] lines;
        final Tables shared;
        final long[] drawn;
        /** The end game's free throws (outside the tables). */
        long freeThrowAttempts;
        long freeThrowsMade;

        Team(Tables shared, long[] drawn) {
            this.shared = shared;
            this.tables = shared.tables;
            this.lines = shared.lines;
            this.drawn = drawn;
        }
    }

    /** A simulator of one matchup's games, counting everything for the aggregate. */
    GameSimulator(MatchupModel model, long seed) {
        this.seed = seed;
        this.scratch = null;
        this.model = model;
        this.teamA = new Team(model.tablesA, new long[model.tablesA.lines.length]);
        this.teamB = new Team(model.tablesB, new long[model.tablesB.lines.length]);
    }

    /** A simulator of single games of changing matchups (a tournament's); only their winners count. */
    GameSimulator(long seed) {
        this.seed = seed;
        this.scratch = new long[Tables.MAX_LINES];
    }

    /** Plays game {@code game} of the job's random streams as {@code model} and answers whether team A won it. */
    boolean teamAWins(MatchupModel model, long game) {
        if (this.model != model) {
            this.model = model;
            teamA = new Team(model.tablesA, scratch);
            teamB = new Team(model.tablesB, scratch);
        }
        long score = score(game);
        return a(score) > b(score);
    }

    MatchupAggregate play(long firstGame, long games) {
        for (long game = firstGame; game < firstGame + games; game++) {
            playGame(game);
        }
        return new MatchupAggregate(games, teamAWins, teamAPoints.build(), teamBPoints.build(), margin.build(),
                totalPoints.build(), overtimePeriods.build(),
                boxScore(teamA, possessionsPlayed, teamB), boxScore(teamB, possessionsPlayed, teamA));
    }

    private void playGame(long game) {
        long score = score(game);
        int a = a(score);
        int b = b(score);
        possessionsPlayed += possessions;
        teamAWins += a > b ? 1 : 0;
        teamAPoints.add(a);
        teamBPoints.add(b);
        margin.add(a - b);
        totalPoints.add(a + b);
        overtimePeriods.add(overtimes);
    }

    /**
     * Plays a whole game: regulation, then overtimes until one is not tied; or, for a model with a game in progress,
     * the rest of it ({@link #fromState}). Returns the final score, packed.
     */
    private long score(long game) {
        random.startGame(seed, game);
        drawForm();
        long score;
        if (model.state != null) {
            score = fromState(model.state);
        } else {
            // The count takes the low 32 bits of the draw; the top bit is the jump ball.
            long draw = random.nextLong();
            possessions = model.regulation.sample(draw);
            score = period(0, possessions, draw < 0);
            overtimes = 0;
        }
        while (a(score) == b(score) && overtimes < MAX_OVERTIMES) {
            overtimes++;
            long draw = random.nextLong();
            int more = model.overtime.sample(draw);
            score = period(score, more, draw < 0);
            possessions += more;
        }
        if (a(score) == b(score)) {
            score += random.nextLong() < 0 ? 1L << 32 : 1;
        }
        return score;
    }

    /**
     * Each team's strength in this game, drawn around its rating by the rating's uncertainty (Box–Muller, one pair of
     * normal deviates from two uniform draws). Ratings taken as exact draw nothing, so their games play as before.
     */
    private void drawForm() {
        if (model.formStdDevA == 0 && model.formStdDevB == 0) {
            formA = 0;
            formB = 0;
            return;
        }
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
        double angle = 2 * StrictMath.PI * random.nextDouble();
        formA = model.formStdDevA * radius * StrictMath.cos(angle);
        formB = model.formStdDevB * radius * StrictMath.sin(angle);
    }

    /**
     * One period: {@code possessions} for each team, alternating from the team that won its jump ball, both of a pair
     * drawn from one 64-bit random number. The period is played in blocks of {@value #BLOCK} pairs. At the start of a
     * block each team's table is set from the score: it plays better by {@code pull} points per possession for every
     * point it trailed the margin its strength and the other's make of the period, as of the start of the block before
     * (reacting a block late also lets the processor run ahead without waiting for the last possession's points). The
     * last possession is the period's end game ({@link #endGame}). Scores are packed in a long: A's high, B's low.
     */
    private long period(long score, int possessions, boolean aFirst) {
        Team first = aFirst ? teamA : teamB;
        Team second = aFirst ? teamB : teamA;
        int f = aFirst ? a(score) : b(score);
        int s = aFirst ? b(score) : a(score);
        double formFirst = aFirst ? formA : formB;
        double formSecond = aFirst ? formB : formA;
        int start = f - s;
        // The margin expected of this game's strengths: the score reverts towards it, not towards the ratings'.
        double edge = first.shared.expected + formFirst - second.shared.expected - formSecond;
        double pull = model.marginReversion;
        int leadBlockBefore = start;
        int tableFirst = EVEN;
        int tableSecond = EVEN;
        for (int i = 0; i < possessions - 1; i++) {
            long bits = random.nextLong();
            if (i % BLOCK == 0) {
                double surplus = leadBlockBefore - start - Math.max(0, i - BLOCK) * edge;
                tableFirst = table(first.shared.mix(formFirst - pull * surplus), (int) bits);
                tableSecond = table(second.shared.mix(formSecond + pull * surplus), (int) (bits >>> 32));
                leadBlockBefore = f - s;
            }
            f += possession(first, tableFirst, (int) bits);
            s += possession(second, tableSecond, (int) (bits >>> 32));
        }
        long bits = random.nextLong();
        f += possession(first, tableFirst, (int) bits);
        long end = endGame(second, first, s, f, tableSecond, tableFirst, (int) (bits >>> 32));
        return aFirst ? score(b(end), a(end)) : end;
    }

    /**
     * The end game: the last possession of a stretch, {@code ball}'s, with {@code own} points against {@code other}'s
     * {@code theirs}, played as teams play the end of a close game. It starts within the last shot clock (a possession
     * lasts about 18 seconds; the shot clock is 30), so its team can keep the ball to the horn:
     * <ul>
     * <li>up by one to {@value #FOULED_LEAD}, it is fouled at once by the team behind, which cannot let the clock run
     * out: it shoots two free throws and the team behind gets the last possession, played for the tie when down two
     * (twos only) or three (threes only);</li>
     * <li>otherwise it plays the last shot, for the tie when down two or three.</li>
     * </ul>
     * Returns the points of {@code ball} (high) and {@code other} (low), packed.
     */
    private long endGame(Team ball, Team other, int own, int theirs, int ballTable, int otherTable, int bits) {
        int lead = own - theirs;
        if (lead >= 1 && lead <= FOULED_LEAD) {
            own += freeThrows(ball);
            theirs += possession(other, lastShot(own - theirs, otherTable), bits);
        } else {
            own += possession(ball, lastShot(-lead, ballTable), bits);
        }
        return score(own, theirs);
    }

    /**
     * The rest of the stretch a game in progress is in (regulation, or its overtime): the possessions left, drawn from
     * the time left and the tempo, alternate from the team with the ball (a coin toss when neither has it). Every
     * {@value #BLOCK} pairs each team's table is set from its lead against the margin its strength and the other's
     * make of the stretch so far, as in {@link #period}. The last possession is the stretch's end game
     * ({@link #endGame}); a team with the ball within a shot clock of the end has it ({@link MatchupModel}).
     */
    private long fromState(GameState state) {
        int count = model.remaining.sample(random.nextLong());
        boolean aHasBall = state.possession() == null ? random.nextLong() < 0
                : state.possession() == GameState.Ball.TEAM_A;
        int a = state.teamAPoints();
        int b = state.teamBPoints();
        double edge = teamA.shared.expected + formA - teamB.shared.expected - formB;
        double pull = model.marginReversion;
        int leadBlockBefore = a - b;
        double pairsBlockBefore = model.pairsPlayed;
        int tableA = EVEN;
        int tableB = EVEN;
        possessions = (count + 1) / 2;
        for (int i = 0; i < count - 1; i++) {
            long bits = random.nextLong();
            if (i % (2 * BLOCK) == 0) {
                double surplus = leadBlockBefore - pairsBlockBefore * edge;
                tableA = table(teamA.shared.mix(formA - pull * surplus), (int) (bits >>> 32));
                tableB = table(teamB.shared.mix(formB + pull * surplus), (int) (bits >>> 32) << 8);
                leadBlockBefore = a - b;
                pairsBlockBefore = model.pairsPlayed + i / 2.0;
            }
            boolean teamAPlays = aHasBall == (i % 2 == 0);
            a += teamAPlays ? possession(teamA, tableA, (int) bits) : 0;
            b += teamAPlays ? 0 : possession(teamB, tableB, (int) bits);
        }
        overtimes = state.overtimes();
        if (count == 0) {
            return score(a, b);
        }
        int bits = (int) random.nextLong();
        if (aHasBall == ((count - 1) % 2 == 0)) {
            return endGame(teamA, teamB, a, b, tableA, tableB, bits);
        }
        long end = endGame(teamB, teamA, b, a, tableB, tableA, bits);
        return score(b(end), a(end));
    }

    /** Two free throws of the team's shooters, both from one 64-bit random number: the points made. */
    private int freeThrows(Team team) {
        long bits = random.nextLong();
        long threshold = team.shared.freeThrowThreshold;
        int made = ((bits & 0xFFFF_FFFFL) < threshold ? 1 : 0) + ((bits >>> 32) < threshold ? 1 : 0);
        team.freeThrowAttempts += 2;
        team.freeThrowsMade += made;
        return made;
    }

    /** The table of a stretch's last possession: for the tie when two or three behind. */
    private static int lastShot(int deficit, int table) {
        return deficit == 3 ? THREE_TO_TIE : deficit == 2 ? TWO_TO_TIE : table;
    }

    /** Two scores packed in a long, the first high: what {@link #a} and {@link #b} read back. */
    private static long score(int a, int b) {
        return (long) a << 32 | (b & 0xFFFF_FFFFL);
    }

    private static int a(long score) {
        return (int) (score >>> 32);
    }

    private static int b(long score) {
        return (int) score;
    }

    /**
     * The table a block is played from, without a branch: the behind (mix > 0) or ahead (mix < 0) table with
     * probability |mix| / 2^8, else the even one.
     */
    private static int table(int mix, int bits) {
        int roll = bits >>> MIX_SHIFT & (MIX_ONE - 1);
        int use = (roll - Math.abs(mix)) >>> 31;
        return use * (BEHIND + (mix >>> 31));
    }

    /** One possession from the given table, drawn with {@code bits}; returns the points scored. */
    private int possession(Team team, int table, int bits) {
        int drawn = team.tables.sample(table, bits);
        team.drawn[drawn >>> AliasTable.CODE_BITS]++;
        int points = drawn & PossessionTable.POINTS;
        return (drawn & PossessionTable.CONTINUES) == 0 ? points : points + continued(team, table);
    }

    /** The rest of a possession that an offensive rebound kept alive after its first draw (about 2% of them). */
    private int continued(Team team, int table) {
        int points = 0;
        for (int draws = 2; ; draws++) {
            int drawn = team.tables.sample(table, (int) random.nextLong());
            team.drawn[drawn >>> AliasTable.CODE_BITS]++;
            points += drawn & PossessionTable.POINTS;
            if ((drawn & PossessionTable.CONTINUES) == 0 || draws == MAX_DRAWS_PER_POSSESSION) {
                return points;
            }
        }
    }

    /** A team's box score from the plays of its offense and the defensive rebounds taken off the other's. */
    private static BoxScore boxScore(Team offense, long possessions, Team defense) {
        long[] totals = new long[9];
        for (int i = 0; i < offense.drawn.length; i++) {
            StatLine o = offense.lines[i];
            long n = offense.drawn[i];
            if (n == 0) {
                continue;
            }
            totals[0] += n * o.points();
            totals[1] += n * o.twoPointAttempts();
            totals[2] += n * o.twoPointMade();
            totals[3] += n * o.threePointAttempts();
            totals[4] += n * o.threePointMade();
            totals[5] += n * o.freeThrowAttempts();
            totals[6] += n * o.freeThrowsMade();
            totals[7] += n * o.turnovers();
            totals[8] += n * o.offensiveRebounds();
        }
        long defensiveRebounds = 0;
        for (int i = 0; i < defense.drawn.length; i++) {
            if (defense.drawn[i] != 0) {
                defensiveRebounds += defense.drawn[i] * defense.lines[i].defensiveRebounds();
            }
        }
        return new BoxScore(possessions, totals[0] + offense.freeThrowsMade, totals[1], totals[2], totals[3], totals[4],
                totals[5] + offense.freeThrowAttempts, totals[6] + offense.freeThrowsMade, totals[7], totals[8],
                defensiveRebounds);
    }
}
