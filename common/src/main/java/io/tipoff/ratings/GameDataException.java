package io.tipoff.ratings;

import io.tipoff.model.TeamDataException;

/**
 * Game data that cannot be imported, located by line (1 is the header) and column. A kind of team data, so that the
 * api and the command line report a bad game exactly as they report a bad team row.
 */
public class GameDataException extends TeamDataException {

    public GameDataException(int line, String field, String reason) {
        super(line, field, reason);
    }
}
