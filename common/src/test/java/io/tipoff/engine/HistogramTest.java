package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static Histogram of(int... values) {
        Histogram.Builder builder = new Histogram.Builder(0, 1);
        for (int value : values) {
            builder.add(value);
        }
        return builder.build();
    }

    @Test
    void growsToValuesOutsideItsExpectedRangeAndTrimsEmptyEnds() {
        Histogram histogram = of(-3, 5, 5);
        assertThat(histogram.min()).isEqualTo(-3);
        assertThat(histogram.counts()).hasSize(9);
        assertThat(histogram.count(5)).isEqualTo(2);
        assertThat(histogram.entries()).containsExactly(new long[] {-3, 1}, new long[] {5, 2});
    }

    @Test
    void mergingInAnyOrderGivesTheHistogramOfAllValues() {
        Histogram a = of(1, 2, 2);
        Histogram b = of(10, -4);
        Histogram c = of(2);
        assertThat(a.merge(b).merge(c)).isEqualTo(c.merge(a).merge(b)).isEqualTo(of(1, 2, 2, 10, -4, 2));
        assertThat(Histogram.EMPTY.merge(a)).isEqualTo(a);
    }

    @Test
    void meanStdDevAndPercentilesAreExact() {
        Histogram histogram = of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(histogram.mean()).isEqualTo(5.5);
        assertThat(histogram.stdDev()).isCloseTo(Math.sqrt(8.25), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(histogram.percentile(0.05)).isEqualTo(1);
        assertThat(histogram.percentile(0.25)).isEqualTo(3);
        assertThat(histogram.percentile(0.50)).isEqualTo(5);
        assertThat(histogram.percentile(0.95)).isEqualTo(10);
    }
}
