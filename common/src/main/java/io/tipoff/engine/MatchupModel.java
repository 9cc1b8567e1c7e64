package io.tipoff.engine;

import io.tipoff.model.GameState;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;

/**
 * Everything the game loop needs about one matchup, computed once per chunk and shared by all threads: each offense's
 * possession tables against the other defense, and the possession counts for regulation and overtime.
 */
public final class MatchupModel implements Simulation<MatchupAggregate> {

    /** A college game lasts 40 minutes; an overtime period, 5. */
    static final double OVERTIME_SHARE_OF_GAME = 5.0 / 40.0;
    /**
     * The men's college shot clock (30 seconds since 2015–16; 35 before): a team with the ball within one shot clock
     * of the end of a stretch can keep it to the end, so its possession is the stretch's last.
     */
    static final int SHOT_CLOCK_SECONDS = 30;

    final Offense teamA;
    final Offense teamB;
    final PossessionCount regulation;
    final PossessionCount overtime;
    final double marginReversion;
    /**
     * The spread (standard deviation, points per possession) of each offense's strength from game to game that the
     * ratings' uncertainty gives: its own adjusted offense's and the other team's adjusted defense's standard errors
     * together. Zero when the ratings are taken as exact.
     */
    final double formStdDevA;
    final double formStdDevB;
    final GameSimulator.Tables tablesA;
    final GameSimulator.Tables tablesB;
    /** The game in progress its games are played from, or null for whole games. */
    final GameState state;
    /** With a state: the possessions left in its stretch, both teams together (the one with the ball plays first). */
    final PossessionCount remaining;
    /** With a state: possession pairs of its stretch already played, as the matchup's tempo has it. */
    final double pairsPlayed;
    private final String teamAName;
    private final String teamBName;

    /**
     * One offense against the other defense: the possession table it plays by, two more with its expected points per
     * possession {@link #STEP} higher and lower, and the last shots of a period for a team down three or two. Mixing
     * a possession's table between even and behind (or ahead) moves the offense's expected points per possession by
     * any amount up to the step, exactly, without building a table per amount.
     */
    record Offense(PossessionTable even, PossessionTable behind, PossessionTable ahead, PossessionTable threeToTie,
                   PossessionTable twoToTie, double freeThrowPct) {

        /** Points per possession between the even table and each of the next two. */
        static final double STEP = 0.15;

        static Offense of(MatchupRates rates, double pointsPerPossession) {
            MatchupRates even = scaledTo(rates, pointsPerPossession);
            return new Offense(new PossessionTable(PlayRates.of(even)),
                    new PossessionTable(PlayRates.of(scaledTo(rates, pointsPerPossession + STEP))),
                    new PossessionTable(PlayRates.of(scaledTo(rates, Math.max(0, pointsPerPossession - STEP)))),
                    new PossessionTable(PlayRates.of(even.withThreePointRate(1))),
                    new PossessionTable(PlayRates.of(even.withThreePointRate(0))), rates.freeThrowPct());
        }

        double expectedPointsPerPossession() {
            return even.expectedPointsPerPossession();
        }

        /** How far the behind table lifts points per possession (less than the step where shooting tops out). */
        double stepUp() {
            return behind.expectedPointsPerPossession() - even.expectedPointsPerPossession();
        }

        double stepDown() {
            return even.expectedPointsPerPossession() - ahead.expectedPointsPerPossession();
        }
    }

    private MatchupModel(Matchup matchup, Offense teamA, Offense teamB, double tempo, SimulationSettings settings) {
        this.teamAName = matchup.teamA().name();
        this.teamBName = matchup.teamB().name();
        this.teamA = teamA;
        this.teamB = teamB;
        this.marginReversion = settings.marginReversion();
        this.formStdDevA = formStdDev(matchup.teamA(), matchup.teamB());
        this.formStdDevB = formStdDev(matchup.teamB(), matchup.teamA());
        this.tablesA = new GameSimulator.Tables(teamA);
        this.tablesB = new GameSimulator.Tables(teamB);
        double stdDev = settings.possessionsStdDev();
        this.regulation = new PossessionCount(tempo, stdDev);
        this.overtime = new PossessionCount(tempo * OVERTIME_SHARE_OF_GAME,
                stdDev * StrictMath.sqrt(OVERTIME_SHARE_OF_GAME));
        this.state = matchup.state();
        if (state == null) {
            this.remaining = null;
            this.pairsPlayed = 0;
        } else {
            // The share of a 40-minute game left in the stretch: each team's possessions in it are drawn as a whole
            // game's are, scaled by that share (mean and variance alike, as the overtimes' are); both teams'
            // together, as single possessions, since the team with the ball may get the last one too.
            double share = state.secondsLeftInStretch() / (double) (2 * GameState.HALF_SECONDS);
            boolean ball = state.possession() != null && state.secondsLeft() > 0;
            this.remaining = ball && state.secondsLeftInStretch() <= SHOT_CLOCK_SECONDS
                    ? new PossessionCount(1, 0, 1)
                    : new PossessionCount(2 * tempo * share, 2 * stdDev * StrictMath.sqrt(share), ball ? 1 : 0);
            this.pairsPlayed = tempo * state.secondsPlayedInStretch() / (2.0 * GameState.HALF_SECONDS);
        }
    }

    public static MatchupModel of(Matchup matchup, SimulationSettings settings) {
        LeagueAverages league = settings.league();
        TeamProfile a = matchup.teamA();
        TeamProfile b = matchup.teamB();
        // Possessions per 40 minutes when two paces meet: the product over the league pace (KenPom's rule).
        double tempo = a.tempo() * b.tempo() / league.tempo();
        // The home edge moves the expected margin by homeCourtPoints: half from the home offense, half from the
        // visitors' offense, spread over the game's possessions.
        double edge = settings.homeCourtPoints() / 2 / tempo;
        double edgeA = matchup.venue() == Venue.TEAM_A_HOME ? edge : matchup.venue() == Venue.TEAM_B_HOME ? -edge : 0;
        MatchupRates ratesA = MatchupRates.of(a.offense(), b.defense(), league);
        MatchupRates ratesB = MatchupRates.of(b.offense(), a.defense(), league);
        return new MatchupModel(matchup, Offense.of(ratesA, pointsPerPossession(ratesA, a, b, league) + edgeA),
                Offense.of(ratesB, pointsPerPossession(ratesB, b, a, league) - edgeA), tempo, settings);
    }

    /**
     * How uncertain an offense's points per possession against this defense are: the standard errors of its adjusted
     * offense and of the defense's adjusted defense (independent estimates), per 100 possessions. Zero unless both
     * teams' ratings carry one.
     */
    static double formStdDev(TeamProfile offense, TeamProfile defense) {
        if (offense.adjStdError() == null || defense.adjStdError() == null) {
            return 0;
        }
        return StrictMath.sqrt(offense.adjStdError() * offense.adjStdError()
                + defense.adjStdError() * defense.adjStdError()) / 100;
    }

    /**
     * What one offense should score per possession against the other's defense. With adjusted efficiencies, the
     * efficiency model's answer (KenPom's and Torvik's): offense × defense / league average, per 100 possessions. That
     * is what corrects the raw rates for the strength of schedule behind them. Without, what the matchup rates give.
     */
    static double pointsPerPossession(MatchupRates rates, TeamProfile offense, TeamProfile defense,
                                      LeagueAverages league) {
        if (offense.hasAdjustedEfficiency() && defense.hasAdjustedEfficiency()) {
            return offense.adjOffense() * defense.adjDefense() / league.efficiency() / 100;
        }
        return PlayRates.of(rates).expectedPointsPerPossession();
    }

    /**
     * The rates of an offense that scores {@code target} points per possession: its field-goal percentages scaled by
     * the factor that gets there. Points per possession only grow with shooting, so bisection finds the factor.
     */
    static MatchupRates scaledTo(MatchupRates rates, double target) {
        if (Math.abs(PlayRates.of(rates).expectedPointsPerPossession() - target) <= 1e-12) {
            return rates;
        }
        double low = 0;
        double high = 1 / Math.max(1e-9, Math.max(rates.twoPointPct(), rates.threePointPct()));
        for (int i = 0; i < 50; i++) {
            double mid = (low + high) / 2;
            if (PlayRates.of(rates.withShootingScaled(mid)).expectedPointsPerPossession() < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return rates.withShootingScaled((low + high) / 2);
    }

    /** Expected points per possession of team A's and team B's offense. */
    public double[] expectedPointsPerPossession() {
        return new double[] {teamA.expectedPointsPerPossession(), teamB.expectedPointsPerPossession()};
    }

    /** Plays games {@code firstGame … firstGame + games − 1} of the job seeded with {@code seed}. */
    @Override
    public MatchupAggregate simulate(long seed, long firstGame, long games) {
        return new GameSimulator(this, seed).play(firstGame, games);
    }

    @Override
    public MatchupAggregate merge(MatchupAggregate one, MatchupAggregate other) {
        return one.merge(other);
    }

    @Override
    public Class<MatchupAggregate> aggregateType() {
        return MatchupAggregate.class;
    }

    @Override
    public MatchupResult result(MatchupAggregate total) {
        return MatchupResult.of(teamAName, teamBName, total);
    }

    /** The one probability a matchup reports: team A's chance to win (team B's is its complement). */
    @Override
    public Tally tally(MatchupAggregate aggregate) {
        return new Tally(aggregate.games(), new long[] {aggregate.teamAWins()});
    }

    @Override
    public int gamesPerSimulation() {
        return 1;
    }
}
