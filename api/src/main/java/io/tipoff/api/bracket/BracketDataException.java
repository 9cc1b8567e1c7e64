package io.tipoff.api.bracket;

import io.tipoff.api.web.InvalidFieldException;

/**
 * An uploaded bracket that cannot be imported, located as precisely as the fault allows: the part of the upload
 * ({@code seeds} or {@code slots}), the line (1 is the header) and column, and the slot at fault when there is one.
 * Answered with 400.
 */
public class BracketDataException extends InvalidFieldException {

    BracketDataException(String part, Integer line, String field, String slot, String reason) {
        super(part, line, field, slot, reason);
    }
}
