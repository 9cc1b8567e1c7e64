package io.tipoff.model;

import java.util.Optional;

/**
 * A game in progress: the period, the time left in it, the score and who has the ball. A game with a state is played
 * from there to its end instead of from the tip (docs/MODEL.md, "A game in progress").
 *
 * @param period      1 and 2 are the halves of regulation (20 minutes each), 3 and on the overtimes (5 minutes each)
 * @param secondsLeft seconds left in the period: 0 is its horn
 * @param teamAPoints points team A has so far
 * @param teamBPoints points team B has so far
 * @param possession  the team with the ball, or null when neither has it (a dead ball before a jump, say)
 */
public record GameState(int period, int secondsLeft, int teamAPoints, int teamBPoints, Ball possession) {

    /** The team with the ball. */
    public enum Ball { TEAM_A, TEAM_B }

    public static final int HALF_SECONDS = 20 * 60;
    public static final int OVERTIME_SECONDS = 5 * 60;
    /** Regulation and ten overtimes: the engine's limit (a game still tied after the tenth goes to a coin toss). */
    public static final int MAX_PERIOD = 12;
    /** More than any team has scored in a Division I game (186). */
    public static final int MAX_POINTS = 300;

    /** A field of a state at fault, named as in a request ({@code period}, {@code secondsLeft}, …). */
    public record Problem(String field, String message) {
    }

    public GameState {
        problem(period, secondsLeft, teamAPoints, teamBPoints).ifPresent(p -> {
            throw new IllegalArgumentException(p.field() + " " + p.message());
        });
    }

    /** What is wrong with a state's numbers, if anything: the first field at fault. */
    public static Optional<Problem> problem(int period, int secondsLeft, int teamAPoints, int teamBPoints) {
        if (period < 1 || period > MAX_PERIOD) {
            return Optional.of(new Problem("period", "must be 1 or 2 (the halves) or 3 to " + MAX_PERIOD
                    + " (overtimes), was " + period));
        }
        int length = periodSeconds(period);
        if (secondsLeft < 0 || secondsLeft > length) {
            return Optional.of(new Problem("secondsLeft", "must be between 0 and " + length + " (a "
                    + (period <= 2 ? "half" : "overtime") + "), was " + secondsLeft));
        }
        if (teamAPoints < 0 || teamAPoints > MAX_POINTS) {
            return Optional.of(new Problem("teamAPoints", "must be between 0 and " + MAX_POINTS + ", was "
                    + teamAPoints));
        }
        if (teamBPoints < 0 || teamBPoints > MAX_POINTS) {
            return Optional.of(new Problem("teamBPoints", "must be between 0 and " + MAX_POINTS + ", was "
                    + teamBPoints));
        }
        return Optional.empty();
    }

    /** Seconds in a period: a half or an overtime. */
    public static int periodSeconds(int period) {
        return period <= 2 ? HALF_SECONDS : OVERTIME_SECONDS;
    }

    public boolean inOvertime() {
        return period > 2;
    }

    /** Overtime periods begun so far (0 in regulation). */
    public int overtimes() {
        return Math.max(0, period - 2);
    }

    /**
     * Seconds left in the stretch the engine plays as one: regulation (both halves are one stretch of possessions;
     * only its end has a last shot) or the current overtime.
     */
    public int secondsLeftInStretch() {
        return period == 1 ? secondsLeft + HALF_SECONDS : secondsLeft;
    }

    /** Seconds of the stretch already played. */
    public int secondsPlayedInStretch() {
        return (inOvertime() ? OVERTIME_SECONDS : 2 * HALF_SECONDS) - secondsLeftInStretch();
    }
}
