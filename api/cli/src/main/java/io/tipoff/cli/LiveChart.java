package io.tipoff.cli;

import io.tipoff.engine.MatchupAggregate;
import io.tipoff.engine.MatchupModel;
import io.tipoff.model.GameState;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.Venue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The engine alone: {@code bin/tipoff live-chart [--out FILE] [--games N]}. Two average (equal) teams played from
 * every lead and time of the second half, neither with the ball (who gets it first is a coin toss): team A's chance to
 * win, drawn as an SVG chart beside Stern's Brownian-motion curve (J. Amer. Statist. Assoc. 89, 1994, 1128–1134) with
 * σ = 11 points a game, and printed as a table. The same seed every time, so the chart is the same on every machine.
 */
public final class LiveChart {

    static final int[] LEADS = {1, 3, 5, 8, 12};
    static final int[] SECONDS_LEFT = {1200, 1080, 960, 840, 720, 600, 480, 360, 300, 240, 180, 120, 90, 60, 45, 30,
        20, 10, 5, 0};
    /** The spread of a college game's final margin around its expectation, in points (docs/MODEL.md's σ). */
    static final double GAME_SIGMA = 11;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

    private LiveChart() {
    }

    /** Team A's chance to win from {@code lead} points up with {@code secondsLeft} of the second half to play. */
    static double winProbability(int lead, int secondsLeft, long games) {
        LeagueAverages league = LeagueAverages.DIVISION_I_2013_2019;
        GameState state = new GameState(2, secondsLeft, 60 + lead, 60, null);
        MatchupModel model = MatchupModel.of(new Matchup(league.averageTeam("A"), league.averageTeam("B"),
                Venue.NEUTRAL, state), SimulationSettings.DEFAULTS);
        MatchupAggregate aggregate = model.simulate(1, 0, games);
        return (double) aggregate.teamAWins() / games;
    }

    /** Stern's Brownian motion for equal teams: Φ(lead / (σ √(share of the game left))). */
    static double stern(int lead, int secondsLeft) {
        if (secondsLeft == 0) {
            return lead > 0 ? 1 : lead < 0 ? 0 : 0.5;
        }
        double share = secondsLeft / 2400.0;
        return normalCdf(lead / (GAME_SIGMA * Math.sqrt(share)));
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5 × 10⁻⁷). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z / 2);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("docs", "images", "live-win-probability.svg");
        long games = 20_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--games" -> games = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        double[][] p = new double[LEADS.length][SECONDS_LEFT.length];
        StringBuilder table = new StringBuilder("| time left |");
        for (int lead : LEADS) {
            table.append(" up ").append(lead).append(" |");
        }
        table.append('\n').append("|---|").append("---|".repeat(LEADS.length)).append('\n');
        for (int t = 0; t < SECONDS_LEFT.length; t++) {
            table.append(String.format(Locale.ROOT, "| %d:%02d |", SECONDS_LEFT[t] / 60, SECONDS_LEFT[t] % 60));
            for (int l = 0; l < LEADS.length; l++) {
                p[l][t] = winProbability(LEADS[l], SECONDS_LEFT[t], games);
                table.append(String.format(Locale.ROOT, " %.3f (%.3f) |", p[l][t], stern(LEADS[l], SECONDS_LEFT[t])));
            }
            table.append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, svg(p, games));
        System.out.print(table);
        System.out.println("Tipoff (Stern, sigma " + GAME_SIGMA + "), " + games + " games a state, seed 1; wrote "
                + out);
    }

    static String svg(double[][] p, long games) {
        int width = 760;
        int height = 460;
        double left = 70;
        double right = 590;
        double top = 50;
        double bottom = 390;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" "
                + "aria-labelledby=\"title desc\">%n", width, height, width, height));
        svg.append("<title id=\"title\">Equal teams: the leader's chance to win by lead and time left</title>\n");
        svg.append("<desc id=\"desc\">Tipoff's simulated chance (solid lines, ").append(games)
                .append(" games a point) that the leading one of two average teams wins, leading by 1, 3, 5, 8 or 12 "
                        + "points with 20 to 0 minutes of the second half left and neither team with the ball, "
                        + "beside Stern's Brownian-motion model with a spread of 11 points a game (dashed).</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"28\" font-size=\"15\" font-weight=\"bold\">"
                + "Equal teams: the leader's chance to win</text>%n", left));
        for (int tick = 5; tick <= 10; tick++) {
            double y = y(tick / 10.0, top, bottom);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", left, y, right,
                    y, left - 6, y + 4, tick / 10.0));
        }
        for (int minutes = 20; minutes >= 0; minutes -= 2) {
            double x = x(minutes * 60, left, right);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#eee\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d:00</text>%n", x, top, x,
                    bottom, x, bottom + 18, minutes));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"none\" stroke=\"#444\"/>%n", left, top, right - left, bottom - top));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">time left in the "
                + "second half (minutes)</text>%n", (left + right) / 2, bottom + 40));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">chance the leader wins</text>%n", (top + bottom) / 2));
        for (int l = 0; l < LEADS.length; l++) {
            StringBuilder solid = new StringBuilder();
            StringBuilder dashed = new StringBuilder();
            for (int t = 0; t < SECONDS_LEFT.length; t++) {
                double x = x(SECONDS_LEFT[t], left, right);
                solid.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p[l][t], top, bottom)));
            }
            for (int s = 1200; s >= 0; s -= 10) {
                dashed.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s, left, right),
                        y(stern(LEADS[l], s), top, bottom)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", COLOURS[l], solid.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\" "
                    + "stroke-dasharray=\"5 4\" points=\"%s\"/>%n", COLOURS[l], dashed.toString().trim()));
            double ly = top + 20 + 22 * l;
            svg.append(String.format(Locale.ROOT, "<line x1=\"610\" y1=\"%.1f\" x2=\"640\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"648\" y=\"%.1f\">up %d</text>%n", ly, ly, COLOURS[l], ly + 4,
                    LEADS[l]));
        }
        double ly = top + 20 + 22 * LEADS.length + 10;
        svg.append(String.format(Locale.ROOT, "<line x1=\"610\" y1=\"%.1f\" x2=\"640\" y2=\"%.1f\" stroke=\"#444\" "
                + "stroke-width=\"2\"/><text x=\"648\" y=\"%.1f\">Tipoff</text>%n", ly, ly, ly + 4));
        svg.append(String.format(Locale.ROOT, "<line x1=\"610\" y1=\"%.1f\" x2=\"640\" y2=\"%.1f\" stroke=\"#444\" "
                + "stroke-dasharray=\"5 4\"/><text x=\"648\" y=\"%.1f\">Stern,</text><text x=\"648\" y=\"%.1f\">"
                + "σ = 11</text>%n", ly + 22, ly + 22, ly + 26, ly + 40));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(int secondsLeft, double left, double right) {
        return left + (right - left) * (1200 - secondsLeft) / 1200.0;
    }

    private static double y(double p, double top, double bottom) {
        return bottom - (bottom - top) * (p - 0.5) / 0.5;
    }
}
