package io.tipoff.worker.faults;

import java.util.Locale;

/**
 * One scenario's line of the report: how the fault was injected, what the checker found, how long recovery took
 * (and what was timed), and how long the scenario ran.
 */
record Outcome(int number, String scenario, String injection, Verdict verdict, long expectedDeadLetters,
               double recoverySeconds, String recovery, String note, String timing) {

    String line() {
        return String.format(Locale.ROOT, "FAULT %02d %s | chunks %d | lost %d | double-counted %d | identical %s"
                        + " | status set once %s | queue left %d | dead letters %d (expected %d) | played again %d"
                        + " | recovery %.1f s: %s%s | %s",
                number, scenario, verdict.chunks(), verdict.lost(), verdict.doubleCounted(), verdict.identicalText(),
                verdict.statusOnce() ? "yes" : "NO", verdict.queued(), verdict.deadLetters(), expectedDeadLetters,
                verdict.replayed(), recoverySeconds, recovery, note.isEmpty() ? "" : " | " + note, timing);
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %s | %s | %d / %d | %d | %.1f s: %s | %s |",
                number, scenario, injection, verdict.chunks(), verdict.lost(), verdict.doubleCounted(),
                verdict.identicalText(), verdict.statusOnce() ? "yes" : "NO", verdict.deadLetters(),
                expectedDeadLetters, verdict.replayed(), recoverySeconds, recovery, note);
    }
}
