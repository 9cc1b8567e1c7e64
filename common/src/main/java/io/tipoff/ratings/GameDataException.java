package io.tipoff.ratings;

/** Game data that cannot be imported, located by line (1 is the header) and column. */
public class GameDataException extends RuntimeException {

    private final int line;
    private final String field;

    public GameDataException(int line, String field, String reason) {
        super("line " + line + ", " + field + ": " + reason);
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
