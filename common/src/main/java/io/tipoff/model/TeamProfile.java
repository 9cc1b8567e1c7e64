package io.tipoff.model;

import java.util.Objects;

/**
 * One team as the engine sees it.
 *
 * @param tempo       possessions per 40 minutes
 * @param adjOffense  optional: points scored per 100 possessions against an average Division I defense (KenPom's and
 *                    Torvik's adjusted offensive efficiency); with {@code adjDefense}, it sets the strength of schedule
 * @param adjDefense  optional: points allowed per 100 possessions against an average Division I offense
 * @param adjStdError optional, with the adjusted efficiencies: the standard error of each of them (points per 100
 *                    possessions), how uncertain the ratings are; the engine plays each game at a strength drawn
 *                    around them accordingly (docs/MODEL.md, "Rating uncertainty"). Null: taken as exact.
 */
public record TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense,
                          Double adjOffense, Double adjDefense, Double adjStdError) {

    /** A standard error beyond this (points per 100 possessions) says the team has hardly played. */
    public static final double MAX_STD_ERROR = 50.0;

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
        if (adjStdError != null && (adjOffense == null || !(adjStdError >= 0 && adjStdError <= MAX_STD_ERROR))) {
            throw new IllegalArgumentException("adjStdError must be from 0 to " + MAX_STD_ERROR
                    + " and come with adjOffense and adjDefense, was " + adjStdError);
        }
    }

    /** A team whose adjusted efficiencies (if any) are taken as exact. */
    public TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense, Double adjOffense,
                       Double adjDefense) {
        this(name, tempo, offense, defense, adjOffense, adjDefense, null);
    }

    /** A team known by its rates alone. */
    public TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense) {
        this(name, tempo, offense, defense, null, null, null);
    }

    public boolean hasAdjustedEfficiency() {
        return adjOffense != null;
    }
}
