package io.tipoff.model;

import java.util.Objects;

/**
 * One team as the engine sees it.
 *
 * @param tempo       possessions per 40 minutes
 * @param adjOffense  optional: points scored per 100 possessions against an average Division I defense (KenPom's and
 *                    Torvik's adjusted offensive efficiency); with {@code adjDefense}, it sets the strength of schedule
 * @param adjDefense  optional: points allowed per 100 possessions against an average Division I offense
 */
public record TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense,
                          Double adjOffense, Double adjDefense) {

    /** Above this a "tempo" is a typo, not a basketball team (the fastest D-I teams play about 80). */
    public static final double MAX_TEMPO = 200.0;
    /** Points per 100 possessions: the best offenses score about 125, the worst defenses allow about 125. */
    public static final double MAX_EFFICIENCY = 250.0;

    public TeamProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Rates.positive("tempo", tempo, MAX_TEMPO);
        Objects.requireNonNull(offense, "offense");
        Objects.requireNonNull(defense, "defense");
        if ((adjOffense == null) != (adjDefense == null)) {
            throw new IllegalArgumentException("adjOffense and adjDefense go together: give both or neither");
        }
        if (adjOffense != null) {
            Rates.positive("adjOffense", adjOffense, MAX_EFFICIENCY);
            Rates.positive("adjDefense", adjDefense, MAX_EFFICIENCY);
        }
    }

    /** A team known by its rates alone. */
    public TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense) {
        this(name, tempo, offense, defense, null, null);
    }

    public boolean hasAdjustedEfficiency() {
        return adjOffense != null;
    }
}
