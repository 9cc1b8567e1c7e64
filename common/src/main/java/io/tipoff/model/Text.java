package io.tipoff.model;

import java.util.Optional;

/**
 * Text taken from a user (a team's name, a seed or slot label, a CSV cell), the same rules for a JSON body and a CSV
 * upload: no control characters (a NUL cannot even be stored by PostgreSQL, the others are nobody's team name), and a
 * bounded length. An error message quotes a value only as a short {@link #excerpt}, so that a malformed upload is not
 * echoed back whole.
 */
public final class Text {

    /** The longest team name (or other free text: a conference, a postseason result). */
    public static final int MAX_NAME = 100;
    /** The longest seed or slot label ({@code W16a}, {@code R6CH}). */
    public static final int MAX_LABEL = 20;
    /** The most characters of a value an error message quotes. */
    public static final int EXCERPT = 40;

    private Text() {
    }

    /** What is wrong with {@code value} as text of at most {@code maxLength} characters, if anything. */
    public static Optional<String> problem(String value, int maxLength) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("must not contain control characters, has U+%04X at %d", (int) c,
                        i + 1));
            }
        }
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters, has " + value.length());
        }
        return Optional.empty();
    }

    /** At most {@value #EXCERPT} characters of {@code value} for a message, control characters escaped. */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), EXCERPT);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > EXCERPT ? out + "… (" + value.length() + " characters)" : out.toString();
    }
}
