package io.tipoff.model;

/** Team data that cannot be imported, located by line (1 is the header) and column. */
public class TeamDataException extends RuntimeException {

    private final int line;
    private final String field;
    private final String reason;

    public TeamDataException(int line, String field, String reason) {
        super("line " + line + ", " + field + ": " + reason);
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the line and column. */
    public String reason() {
        return reason;
    }
}
