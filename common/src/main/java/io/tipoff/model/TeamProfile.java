package io.tipoff.model;

import java.util.Objects;

/**
 * One team as the engine sees it.
 *
 * @param tempo possessions per 40 minutes
 */
public record TeamProfile(String name, double tempo, OffenseProfile offense, DefenseProfile defense) {

    /** Above this a "tempo" is a typo, not a basketball team (the fastest D-I teams play about 80). */
    public static final double MAX_TEMPO = 200.0;

    public TeamProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Rates.positive("tempo", tempo, MAX_TEMPO);
        Objects.requireNonNull(offense, "offense");
        Objects.requireNonNull(defense, "defense");
    }
}
