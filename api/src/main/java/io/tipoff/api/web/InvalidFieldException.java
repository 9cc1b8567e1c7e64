package io.tipoff.api.web;

/**
 * A request field that is well-formed but not acceptable; answered with 400 naming the field, and where it lies when
 * that is more than a path in the body: the bracket slot at fault, the line of an uploaded file (1 being the header),
 * the part of a multipart upload.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String reason;
    private final String slot;
    private final Integer line;
    private final String part;

    public InvalidFieldException(String field, String reason) {
        this(field, reason, null);
    }

    /** A field of a bracket, at fault in one slot. */
    public InvalidFieldException(String field, String reason, String slot) {
        this(null, null, field, slot, reason);
    }

    /** A field of an uploaded file: its part (or null), line (or null), column, slot (or null) and what is wrong. */
    protected InvalidFieldException(String part, Integer line, String field, String slot, String reason) {
        super(part == null && line == null ? field + " " + (slot == null ? "" : slot + ": ") + reason
                : (part == null ? "" : part + " ") + (line == null ? "" : "line " + line) + ", " + field
                        + (slot == null ? "" : " " + slot) + ": " + reason);
        this.field = field;
        this.reason = reason;
        this.slot = slot;
        this.line = line;
        this.part = part;
    }

    /** The field at fault: its path in the body, a query parameter, or the column of an uploaded file. */
    public String field() {
        return field;
    }

    /** What is wrong, without where. */
    public String reason() {
        return reason;
    }

    /** The bracket slot at fault, or null. */
    public String slot() {
        return slot;
    }

    /** The line of an uploaded file, or null. */
    public Integer line() {
        return line;
    }

    /** The part of a multipart upload, or null. */
    public String part() {
        return part;
    }
}
