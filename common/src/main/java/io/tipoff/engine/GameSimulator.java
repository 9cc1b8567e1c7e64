package io.tipoff.engine;

/**
 * Plays a range of games of one matchup, possession by possession, and counts what happened. Not thread-safe: each
 * thread plays its own range with its own simulator and the aggregates are merged.
 *
 * <p>A game: each team gets the same number of possessions in regulation, drawn around the matchup's tempo. Each
 * possession is one or more plays (a play ends in a score, a turnover or a rebound; an offensive rebound starts
 * another). Tied after regulation, five-minute overtime periods are played until one is not tied.
 */
final class GameSimulator {

    /**
     * Two teams that cannot score would stay tied forever. No real matchup gets near this many overtimes (the record
     * in Division I is seven); past it the game goes to whoever wins a coin toss, scored as one extra point.
     */
    static final int MAX_OVERTIMES = 50;

    private final MatchupModel model;
    private final long seed;
    private final GameRandom random = new GameRandom();
    private final long[] teamAPlays;
    private final long[] teamBPlays;
    private long teamAPossessions;
    private long teamBPossessions;
    private long teamAWins;
    private final Histogram.Builder teamAPoints = new Histogram.Builder(0, 160);
    private final Histogram.Builder teamBPoints = new Histogram.Builder(0, 160);
    private final Histogram.Builder margin = new Histogram.Builder(-80, 80);
    private final Histogram.Builder totalPoints = new Histogram.Builder(60, 260);
    private final Histogram.Builder overtimePeriods = new Histogram.Builder(0, 4);

    GameSimulator(MatchupModel model, long seed) {
        this.model = model;
        this.seed = seed;
        this.teamAPlays = new long[model.teamA.size()];
        this.teamBPlays = new long[model.teamB.size()];
    }

    MatchupAggregate play(long firstGame, long games) {
        for (long game = firstGame; game < firstGame + games; game++) {
            playGame(game);
        }
        return new MatchupAggregate(games, teamAWins, teamAPoints.build(), teamBPoints.build(), margin.build(),
                totalPoints.build(), overtimePeriods.build(),
                boxScore(model.teamA, teamAPlays, teamAPossessions, model.teamB, teamBPlays),
                boxScore(model.teamB, teamBPlays, teamBPossessions, model.teamA, teamAPlays));
    }

    private void playGame(long game) {
        random.startGame(seed, game);
        int possessions = model.regulation.sample(random.nextLong());
        int a = 0;
        int b = 0;
        for (int i = 0; i < possessions; i++) {
            a += possession(model.teamA, teamAPlays);
            b += possession(model.teamB, teamBPlays);
        }
        int overtimes = 0;
        int played = possessions;
        while (a == b && overtimes < MAX_OVERTIMES) {
            overtimes++;
            int extra = model.overtime.sample(random.nextLong());
            for (int i = 0; i < extra; i++) {
                a += possession(model.teamA, teamAPlays);
                b += possession(model.teamB, teamBPlays);
            }
            played += extra;
        }
        if (a == b) {
            if (random.nextLong() < 0) {
                a++;
            } else {
                b++;
            }
        }
        teamAPossessions += played;
        teamBPossessions += played;
        teamAWins += a > b ? 1 : 0;
        teamAPoints.add(a);
        teamBPoints.add(b);
        margin.add(a - b);
        totalPoints.add(a + b);
        overtimePeriods.add(overtimes);
    }

    /** One possession: plays until a score, a turnover or a defensive rebound; returns the points scored. */
    private int possession(PossessionTable table, long[] drawn) {
        int points = 0;
        int code;
        do {
            int entry = table.sample(random.nextLong());
            drawn[entry]++;
            code = table.code(entry);
            points += code & PossessionTable.POINTS;
        } while ((code & PossessionTable.CONTINUES) != 0);
        return points;
    }

    /** A team's box score from the plays of its offense and the defensive rebounds taken off the other's. */
    private static BoxScore boxScore(PossessionTable offense, long[] offensePlays, long possessions,
                                     PossessionTable defense, long[] defensePlays) {
        long[] totals = new long[9];
        for (int i = 0; i < offensePlays.length; i++) {
            StatLine o = offense.line(i);
            long n = offensePlays[i];
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
        for (int i = 0; i < defensePlays.length; i++) {
            defensiveRebounds += defensePlays[i] * defense.line(i).defensiveRebounds();
        }
        return new BoxScore(possessions, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6],
                totals[7], totals[8], defensiveRebounds);
    }
}
