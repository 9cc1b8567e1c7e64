package io.tipoff.model;

/** Team data that cannot be imported, located by line (1 is the header) and column. */
public class TeamDataException extends RuntimeException {

    private final int line;
    private final String field;

    public TeamDataException(int line, String field, String message) {
        super("line " + line + ", " + field + ": " + message);
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
