package io.tipoff.model;

/** A bracket that is not a single-elimination tree, located by the slot (or seed) at fault. */
public class BracketException extends IllegalArgumentException {

    private final String where;
    private final String reason;

    public BracketException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
        this.reason = message;
    }

    /** The slot or seed at fault, as the bracket names it. */
    public String where() {
        return where;
    }

    /** What is wrong, without the slot or seed. */
    public String reason() {
        return reason;
    }
}
