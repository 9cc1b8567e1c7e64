package io.tipoff.api.result;

import io.tipoff.engine.MatchupResult;
import java.util.Locale;

/** A matchup result as a few lines of text, for terminals ({@code Accept: text/plain}) and the demo. */
final class ResultSummary {

    private ResultSummary() {
    }

    static String of(MatchupResult r) {
        MatchupResult.Team a = r.teamA();
        MatchupResult.Team b = r.teamB();
        int width = Math.max(a.name().length(), b.name().length()) + 2;
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s vs %s: %,d simulated games%n%n", a.name(), b.name(),
                r.simulations()));
        text.append(String.format(Locale.ROOT, "  %-" + width + "s %8s   %s%n", "", "win", "points (mean ± sd)"));
        for (MatchupResult.Team team : new MatchupResult.Team[] {a, b}) {
            text.append(String.format(Locale.ROOT, "  %-" + width + "s %7.2f%%   %.1f ± %.1f%n", team.name(),
                    100 * team.winProbability(), team.meanPoints(), team.stdDevPoints()));
        }
        text.append(String.format(Locale.ROOT, "%n  margin (%s − %s): mean %+.1f, sd %.1f, median %+d, "
                        + "90%% of games between %+d and %+d%n", a.name(), b.name(), r.margin().mean(),
                r.margin().stdDev(), r.margin().percentiles().p50(), r.margin().percentiles().p5(),
                r.margin().percentiles().p95()));
        text.append(String.format(Locale.ROOT, "  total points: mean %.1f, sd %.1f, 90%% of games between %d and %d%n",
                r.totalPoints().mean(), r.totalPoints().stdDev(), r.totalPoints().percentiles().p5(),
                r.totalPoints().percentiles().p95()));
        text.append(String.format(Locale.ROOT, "  overtime: %.2f%% of games%n", 100 * r.overtimeRate()));
        text.append(String.format(Locale.ROOT, "  standard error of the win probability: %.3f%%%n",
                100 * r.winProbabilityStdError()));
        int label = Math.max(width, "per game".length() + 2);
        text.append(String.format(Locale.ROOT, "%n  %-" + label + "s%7s%7s%7s%7s%7s%7s%7s%7s%7s%n", "per game",
                "poss", "2PA", "2P%", "3PA", "3P%", "FTA", "FTM", "TO", "OR"));
        for (MatchupResult.Team team : new MatchupResult.Team[] {a, b}) {
            MatchupResult.BoxAverages box = team.box();
            text.append(String.format(Locale.ROOT,
                    "  %-" + label + "s%7.1f%7.1f%6.1f%%%7.1f%6.1f%%%7.1f%7.1f%7.1f%7.1f%n",
                    team.name(), box.possessions(), box.twoPointAttempts(), 100 * box.twoPointPct(),
                    box.threePointAttempts(), 100 * box.threePointPct(), box.freeThrowAttempts(),
                    box.freeThrowsMade(), box.turnovers(), box.offensiveRebounds()));
        }
        return text.toString();
    }
}
