package io.tipoff.model;

import java.util.Objects;

/**
 * How games are simulated, beyond the teams themselves. A job stores the settings it was submitted with, so a rerun
 * with the same seed plays the same games whatever the workers are configured with.
 *
 * @param league            averages the teams' rates are measured against
 * @param homeCourtPoints   points the home team gains on the expected margin (half from its own offense, half from the
 *                          visitors')
 * @param possessionsStdDev game-to-game spread of each team's possessions around the matchup's expected tempo
 * @param marginReversion   points per possession a team gains for each point it is behind the margin expected at
 *                          that moment of the game (and the other team loses): the pull that keeps real margins
 *                          tighter than independent possessions would (docs/MODEL.md)
 */
public record SimulationSettings(LeagueAverages league, double homeCourtPoints, double possessionsStdDev,
                                 double marginReversion) {

    /** KenPom's long-standing home-court figure, in points. */
    public static final double KENPOM_HOME_COURT_POINTS = 3.75;

    /** Possessions per team per game around the expected tempo (one standard deviation). */
    public static final double DEFAULT_POSSESSIONS_STD_DEV = 4.0;

    /** Calibrated on the 2013–2019 tournaments with ratings from the games before them (docs/MODEL.md). */
    public static final double DEFAULT_MARGIN_REVERSION = 0.005;

    public static final SimulationSettings DEFAULTS = new SimulationSettings(LeagueAverages.DIVISION_I_2013_2019,
            KENPOM_HOME_COURT_POINTS, DEFAULT_POSSESSIONS_STD_DEV, DEFAULT_MARGIN_REVERSION);

    public SimulationSettings {
        Objects.requireNonNull(league, "league");
        if (!(homeCourtPoints >= 0 && homeCourtPoints <= 20)) {
            throw new IllegalArgumentException("homeCourtPoints must be between 0 and 20, was " + homeCourtPoints);
        }
        if (!(possessionsStdDev >= 0 && possessionsStdDev <= 20)) {
            throw new IllegalArgumentException("possessionsStdDev must be between 0 and 20, was " + possessionsStdDev);
        }
        if (!(marginReversion >= 0 && marginReversion <= 0.05)) {
            throw new IllegalArgumentException("marginReversion must be between 0 and 0.05, was " + marginReversion);
        }
    }

    /** The same settings against another season's averages. */
    public SimulationSettings withLeague(LeagueAverages other) {
        return new SimulationSettings(other, homeCourtPoints, possessionsStdDev, marginReversion);
    }
}
