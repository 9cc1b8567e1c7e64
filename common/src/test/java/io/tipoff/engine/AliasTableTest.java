package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void drawsEachOutcomeAsOftenAsItsProbability() {
        double[] probabilities = {0.5, 0.25, 0.0, 0.125, 0.125};
        AliasTable table = new AliasTable(probabilities);
        GameRandom random = new GameRandom();
        random.startGame(3, 0);
        int draws = 400_000;
        int[] counts = new int[probabilities.length];
        for (int i = 0; i < draws; i++) {
            counts[table.outcome((int) random.nextLong())]++;
        }
        assertThat(counts[2]).as("an impossible outcome").isZero();
        for (int i = 0; i < probabilities.length; i++) {
            double expected = probabilities[i] * draws;
            // Within five binomial standard deviations.
            assertThat((double) counts[i]).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(5 * Math.sqrt(expected) + 1));
        }
    }

    @Test
    void aCertainOutcomeIsAlwaysDrawn() {
        AliasTable table = new AliasTable(new double[] {1.0});
        assertThat(table.outcome(-1)).isZero();
        assertThat(table.outcome(0)).isZero();
        assertThat(table.outcome(Integer.MAX_VALUE)).isZero();
    }

    @Test
    void stackedDistributionsAreDrawnByIndexWithTheirCodes() {
        AliasTable table = new AliasTable(
                java.util.List.of(new double[] {1.0, 0.0}, new double[] {0.0, 0.0, 1.0}),
                java.util.List.of(new int[] {7, 8}, new int[] {9, 10, 11}));
        GameRandom random = new GameRandom();
        random.startGame(5, 0);
        for (int i = 0; i < 1000; i++) {
            int bits = (int) random.nextLong();
            assertThat(table.sample(0, bits)).isEqualTo(0 << AliasTable.CODE_BITS | 7);
            assertThat(table.sample(1, bits)).isEqualTo((table.stride() + 2) << AliasTable.CODE_BITS | 11);
        }
    }

    @Test
    void rejectsProbabilitiesThatAreNegativeOrAllZero() {
        assertThatThrownBy(() -> new AliasTable(new double[] {0.5, -0.1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
