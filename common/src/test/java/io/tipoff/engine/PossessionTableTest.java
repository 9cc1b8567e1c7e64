package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PossessionTableTest {

    private static MatchupRates rates(double twoPct, double threePct, double threeRate, double turnovers,
                                      double offensiveRebounds, double freeThrowRate, double freeThrowPct) {
        return new MatchupRates(twoPct, threePct, threeRate, turnovers, offensiveRebounds, freeThrowRate, freeThrowPct);
    }

    /** Expected box-score totals per possession, from the table's exact probabilities. */
    private static double[] expectedPerPossession(PossessionTable table) {
        double[] totals = new double[10];
        double continues = 0;
        for (int i = 0; i < table.size(); i++) {
            double p = table.probability(i);
            StatLine line = table.line(i);
            int[] values = {line.points(), line.twoPointAttempts(), line.twoPointMade(), line.threePointAttempts(),
                    line.threePointMade(), line.freeThrowAttempts(), line.freeThrowsMade(), line.turnovers(),
                    line.offensiveRebounds(), line.defensiveRebounds()};
            for (int k = 0; k < values.length; k++) {
                totals[k] += p * values[k];
            }
            continues += (table.code(i) & PossessionTable.CONTINUES) != 0 ? p : 0;
        }
        for (int k = 0; k < totals.length; k++) {
            totals[k] /= 1 - continues;
        }
        return totals;
    }

    @ParameterizedTest(name = "2P {0}, 3P {1}, 3PA share {2}, TO {3}, OR {4}, FTR {5}, FT {6}")
    @CsvSource({
            "0.488, 0.344, 0.351, 0.188, 0.299, 0.360, 0.700",
            "0.600, 0.420, 0.500, 0.100, 0.450, 0.550, 0.800",
            "0.400, 0.280, 0.150, 0.280, 0.150, 0.180, 0.550"})
    void expectedBoxScoreReproducesTheRatesItWasBuiltFrom(double twoPct, double threePct, double threeRate,
                                                          double turnovers, double offensiveRebounds,
                                                          double freeThrowRate, double freeThrowPct) {
        MatchupRates rates = rates(twoPct, threePct, threeRate, turnovers, offensiveRebounds, freeThrowRate,
                freeThrowPct);
        PossessionTable table = new PossessionTable(PlayRates.of(rates));
        double[] e = expectedPerPossession(table);
        double fieldGoalAttempts = e[1] + e[3];
        assertThat(e[2] / e[1]).as("2P%").isCloseTo(twoPct, offset(1e-9));
        assertThat(e[4] / e[3]).as("3P%").isCloseTo(threePct, offset(1e-9));
        assertThat(e[3] / fieldGoalAttempts).as("3PA share").isCloseTo(threeRate, offset(1e-9));
        assertThat(e[5] / fieldGoalAttempts).as("FTA per FGA").isCloseTo(freeThrowRate, offset(1e-9));
        assertThat(e[6] / e[5]).as("FT%").isCloseTo(freeThrowPct, offset(1e-9));
        assertThat(e[7]).as("turnovers per possession").isCloseTo(turnovers, offset(1e-9));
        assertThat(e[8] / (e[8] + e[9])).as("offensive rebound %").isCloseTo(offensiveRebounds, offset(1e-9));
        assertThat(table.expectedPointsPerPossession()).isCloseTo(e[0], offset(1e-12));
    }

    @Test
    void probabilitiesAddUpToOne() {
        PossessionTable table = new PossessionTable(PlayRates.of(rates(0.5, 0.35, 0.4, 0.18, 0.3, 0.35, 0.7)));
        double total = 0;
        for (int i = 0; i < table.size(); i++) {
            total += table.probability(i);
        }
        assertThat(total).isCloseTo(1.0, offset(1e-12));
    }

    /**
     * The fast path (one draw from the table per possession) and the plain path (the play tree walked event by event
     * with a different generator) must play the same possessions: a chi-square test of homogeneity on the points of
     * a possession and on its offensive rebounds.
     */
    @Test
    void tableDrawsPlayTheSamePossessionsAsEventByEventPlay() {
        PlayRates playRates = PlayRates.of(rates(0.5, 0.35, 0.4, 0.18, 0.33, 0.38, 0.7));
        PossessionTable table = new PossessionTable(playRates);
        AliasTable sampler = new AliasTable(java.util.List.of(table.probabilities()), java.util.List.of(table.codes()));
        int possessions = 400_000;
        long[][] points = new long[2][8];
        long[][] rebounds = new long[2][4];

        GameRandom random = new GameRandom();
        random.startGame(11, 0);
        for (int i = 0; i < possessions; i++) {
            StatLine line = StatLine.NOTHING;
            int entry;
            do {
                entry = sampler.outcome((int) random.nextLong());
                line = line.plus(table.line(entry));
            } while ((table.code(entry) & PossessionTable.CONTINUES) != 0);
            points[0][Math.min(7, line.points())]++;
            rebounds[0][Math.min(3, line.offensiveRebounds())]++;
        }

        SplittableRandom plain = new SplittableRandom(12);
        for (int i = 0; i < possessions; i++) {
            StatLine line = StatLine.NOTHING;
            StatLine play;
            do {
                play = Play.run(playRates, p -> plain.nextDouble() < p);
                line = line.plus(play);
            } while (play.offensiveRebounds() > 0);
            points[1][Math.min(7, line.points())]++;
            rebounds[1][Math.min(3, line.offensiveRebounds())]++;
        }

        assertThat(chiSquarePValueAbove(points)).as("points per possession").isTrue();
        assertThat(chiSquarePValueAbove(rebounds)).as("offensive rebounds per possession").isTrue();
    }

    /** Chi-square test of homogeneity of two samples; true when the p-value is above 0.001. */
    private static boolean chiSquarePValueAbove(long[][] counts) {
        long[] columnTotals = new long[counts[0].length];
        long[] rowTotals = new long[2];
        long total = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < columnTotals.length; c++) {
                columnTotals[c] += counts[r][c];
                rowTotals[r] += counts[r][c];
                total += counts[r][c];
            }
        }
        double statistic = 0;
        int degrees = -1;
        for (int c = 0; c < columnTotals.length; c++) {
            if (columnTotals[c] == 0) {
                continue;
            }
            degrees++;
            for (int r = 0; r < 2; r++) {
                double expected = (double) rowTotals[r] * columnTotals[c] / total;
                statistic += Math.pow(counts[r][c] - expected, 2) / expected;
            }
        }
        // 0.999 quantiles of chi-square with 1..7 degrees of freedom.
        double[] critical = {10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32};
        return statistic < critical[degrees - 1];
    }
}
