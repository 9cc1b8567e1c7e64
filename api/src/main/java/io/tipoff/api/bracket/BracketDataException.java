package io.tipoff.api.bracket;

/**
 * An uploaded bracket that cannot be imported, located as precisely as the fault allows: the part of the upload
 * ({@code seeds} or {@code slots}), the line (1 is the header) and column, and the slot at fault when there is one.
 * Answered with 400.
 */
public class BracketDataException extends RuntimeException {

    private final String part;
    private final Integer line;
    private final String field;
    private final String slot;
    private final String reason;

    BracketDataException(String part, Integer line, String field, String slot, String reason) {
        super(part + (line == null ? "" : " line " + line) + ", " + field + (slot == null ? "" : " " + slot) + ": "
                + reason);
        this.part = part;
        this.line = line;
        this.field = field;
        this.slot = slot;
        this.reason = reason;
    }

    /** The part of the multipart upload: {@code seeds} or {@code slots}. */
    public String part() {
        return part;
    }

    /** The line of the part's file, or null when the fault is not on one line. */
    public Integer line() {
        return line;
    }

    /** The column at fault. */
    public String field() {
        return field;
    }

    /** The slot at fault, as the slots file names it, or null. */
    public String slot() {
        return slot;
    }

    /** What is wrong, without where. */
    public String reason() {
        return reason;
    }
}
