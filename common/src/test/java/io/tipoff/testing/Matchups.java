package io.tipoff.testing;

import io.tipoff.model.DefenseProfile;
import io.tipoff.model.Matchup;
import io.tipoff.model.OffenseProfile;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;

/**
 * Matchups for tests of any module (common's test-jar). Tests pin exact results to them, so they are test data of their
 * own, apart from any production default that may change.
 */
public final class Matchups {

    /** The 2019 national final, Virginia against Texas Tech on a neutral floor, from Bart Torvik's season numbers. */
    public static final Matchup FINAL_2019 = new Matchup(
            new TeamProfile("Virginia", 60.7,
                    new OffenseProfile(0.525, 0.395, 0.400, 0.147, 0.304, 0.291, 0.745),
                    new DefenseProfile(0.457, 0.289, 0.426, 0.175, 0.254, 0.263)),
            new TeamProfile("Texas Tech", 67.5,
                    new OffenseProfile(0.528, 0.365, 0.359, 0.177, 0.274, 0.329, 0.730),
                    new DefenseProfile(0.419, 0.297, 0.415, 0.228, 0.287, 0.366)),
            Venue.NEUTRAL);

    private Matchups() {
    }
}
