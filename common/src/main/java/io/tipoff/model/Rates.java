package io.tipoff.model;

/** Checks shared by the profile records: every rate is a finite fraction between 0 and 1. */
final class Rates {

    private Rates() {
    }

    static double fraction(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be a fraction between 0 and 1, was " + value);
        }
        return value;
    }

    static double positive(String field, double value, double max) {
        if (!(value > 0.0 && value <= max)) {
            throw new IllegalArgumentException(field + " must be above 0 and at most " + max + ", was " + value);
        }
        return value;
    }
}
