package io.tipoff.api.job;

/** A request field that is well-formed but not acceptable; answered with 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String reason;
    private final String slot;

    public InvalidFieldException(String field, String reason) {
        this(field, reason, null);
    }

    /** A field of a bracket, at fault in one slot. */
    public InvalidFieldException(String field, String reason, String slot) {
        super(field + " " + (slot == null ? "" : slot + ": ") + reason);
        this.field = field;
        this.reason = reason;
        this.slot = slot;
    }

    /** The bracket slot at fault, or null. */
    public String slot() {
        return slot;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
