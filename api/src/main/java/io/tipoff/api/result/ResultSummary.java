package io.tipoff.api.result;

import io.tipoff.engine.MatchupResult;
import io.tipoff.engine.TournamentResult;
import io.tipoff.pool.PoolResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A result as a few lines of text, for terminals ({@code Accept: text/plain}) and the demo. */
final class ResultSummary {

    /** Teams shown in a tournament summary: the likeliest champions. */
    static final int TOURNAMENT_ROWS = 16;

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

    /** The teams most likely to win it all, with their chance of reaching each round, and the likeliest final fours. */
    static String of(TournamentResult r) {
        List<String> rounds = List.of("R32", "S16", "E8", "F4", "NCG", "CHAMP");
        List<TournamentResult.Team> teams = r.teams().stream()
                .sorted(Comparator.comparingDouble((TournamentResult.Team t) -> -t.rounds().get("CHAMP").p())
                        .thenComparing(TournamentResult.Team::seed))
                .limit(TOURNAMENT_ROWS)
                .toList();
        int width = Math.max(4, teams.stream().mapToInt(t -> t.name().length()).max().orElse(4)) + 2;
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%,d simulated tournaments of %d teams%n%n", r.simulations(),
                r.teams().size()));
        text.append(String.format(Locale.ROOT, "  %-5s %-" + width + "s", "seed", "team"));
        rounds.forEach(round -> text.append(String.format(Locale.ROOT, "%8s", round)));
        text.append(System.lineSeparator());
        for (TournamentResult.Team team : teams) {
            text.append(String.format(Locale.ROOT, "  %-5s %-" + width + "s", team.seed(), team.name()));
            for (String round : rounds) {
                TournamentResult.Probability p = team.rounds().get(round);
                text.append(p == null ? String.format(Locale.ROOT, "%8s", "")
                        : String.format(Locale.ROOT, "%7.1f%%", 100 * p.p()));
            }
            text.append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "%n  likeliest final fours:%n"));
        r.finalFours().stream().limit(5).forEach(four -> text.append(String.format(Locale.ROOT, "  %6.2f%%  %s%n",
                100 * four.probability(), String.join(", ", four.names()))));
        return text.toString();
    }

    /** The chosen entry against the baselines, and its contrarian picks. */
    static String of(PoolResult r) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%,d simulated pools of %d entrants, scoring %s (%s public picks)%n%n",
                r.simulations(), r.entrants(), r.scoring(), r.publicPicks()));
        String row = "  %-40s %9s %9s %9s%n";
        text.append(String.format(Locale.ROOT, row, "entry", "win pool", "score", "place"));
        text.append(entryLine(row, "chosen: " + r.entry(), r.winProbability(), r.expectedScore(), r.meanPlace()));
        r.baselines().forEach((name, e) -> text.append(entryLine(row, name, e.winProbability(), e.expectedScore(),
                e.meanPlace())));
        text.append(String.format(Locale.ROOT, "%n  an opponent's expected score: %.1f%n", r.fieldScore()));
        text.append(String.format(Locale.ROOT, "%n  contrarian picks (chance to win the game / share of the public "
                + "picking it):%n"));
        r.picks().stream().filter(PoolResult.Pick::contrarian).forEach(p -> text.append(String.format(Locale.ROOT,
                "  %-6s %-5s %-5s %-20s %6.1f%% / %5.1f%%   (public: %s %s, %.1f%%)%n", p.round(), p.slot(), p.seed(),
                p.name(), 100 * p.chance(), 100 * p.publicShare(), p.publicFavorite(), p.publicFavoriteName(),
                100 * p.publicFavoriteShare())));
        return text.toString();
    }

    private static String entryLine(String row, String name, double win, double score, double place) {
        String shown = name.length() > 40 ? name.substring(0, 39) + "…" : name;
        return String.format(Locale.ROOT, row, shown, String.format(Locale.ROOT, "%.2f%%", 100 * win),
                String.format(Locale.ROOT, "%.1f", score), String.format(Locale.ROOT, "%.1f", place));
    }
}
