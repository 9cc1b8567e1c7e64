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
            counts[table.sample(random.nextLong())]++;
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
        assertThat(table.sample(-1L)).isZero();
        assertThat(table.sample(0L)).isZero();
        assertThat(table.sample(Long.MAX_VALUE)).isZero();
    }

    @Test
    void rejectsProbabilitiesThatAreNegativeOrAllZero() {
        assertThatThrownBy(() -> new AliasTable(new double[] {0.5, -0.1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
