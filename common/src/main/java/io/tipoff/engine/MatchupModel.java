package io.tipoff.engine;

import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;

/**
 * Everything the game loop needs about one matchup, computed once per job and shared by all threads: each offense's
 * play table against the other defense, and the possession counts for regulation and overtime.
 */
public final class MatchupModel {

    /** A college game lasts 40 minutes; an overtime period, 5. */
    static final double OVERTIME_SHARE_OF_GAME = 5.0 / 40.0;

    final PossessionTable teamA;
    final PossessionTable teamB;
    final PossessionCount regulation;
    final PossessionCount overtime;
    private final double expectedPossessions;

    private MatchupModel(PossessionTable teamA, PossessionTable teamB, double tempo, double stdDev) {
        this.teamA = teamA;
        this.teamB = teamB;
        this.expectedPossessions = tempo;
        this.regulation = new PossessionCount(tempo, stdDev);
        this.overtime = new PossessionCount(tempo * OVERTIME_SHARE_OF_GAME,
                stdDev * StrictMath.sqrt(OVERTIME_SHARE_OF_GAME));
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
        PossessionTable tableA = table(MatchupRates.of(a.offense(), b.defense(), league), edgeA);
        PossessionTable tableB = table(MatchupRates.of(b.offense(), a.defense(), league), -edgeA);
        return new MatchupModel(tableA, tableB, tempo, settings.possessionsStdDev());
    }

    /** The play table of an offense whose points per possession are moved by {@code pointsPerPossessionChange}. */
    static PossessionTable table(MatchupRates rates, double pointsPerPossessionChange) {
        PossessionTable table = new PossessionTable(PlayRates.of(rates));
        if (pointsPerPossessionChange == 0) {
            return table;
        }
        // Scale the field-goal percentages until the expected points per possession hit the target; points per
        // possession only grow with shooting, so bisection finds the factor.
        double target = table.expectedPointsPerPossession() + pointsPerPossessionChange;
        double low = 0;
        double high = 1 / Math.max(1e-9, Math.max(rates.twoPointPct(), rates.threePointPct()));
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (new PossessionTable(PlayRates.of(rates.withShootingScaled(mid))).expectedPointsPerPossession() < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new PossessionTable(PlayRates.of(rates.withShootingScaled((low + high) / 2)));
    }

    /** Possessions per team per 40 minutes expected in this matchup. */
    public double expectedPossessions() {
        return expectedPossessions;
    }

    /** Expected points per possession of team A's and team B's offense. */
    public double[] expectedPointsPerPossession() {
        return new double[] {teamA.expectedPointsPerPossession(), teamB.expectedPointsPerPossession()};
    }

    /** Plays games {@code firstGame … firstGame + games − 1} of the job seeded with {@code seed}. */
    public MatchupAggregate simulate(long seed, long firstGame, long games) {
        return new GameSimulator(this, seed).play(firstGame, games);
    }
}
