package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GameRandomTest {

    @Test
    void aGameDrawsTheSameNumbersWhereverItIsPlayed() {
        GameRandom first = new GameRandom();
        GameRandom second = new GameRandom();
        first.startGame(42, 1_234);
        second.startGame(7, 0);
        second.nextLong();
        second.startGame(42, 1_234);
        for (int i = 0; i < 100; i++) {
            assertThat(second.nextLong()).isEqualTo(first.nextLong());
        }
    }

    @Test
    void neighbouringGamesAndSeedsDrawDifferentNumbers() {
        GameRandom random = new GameRandom();
        random.startGame(42, 0);
        long game0 = random.nextLong();
        random.startGame(42, 1);
        long game1 = random.nextLong();
        random.startGame(43, 0);
        long seed43 = random.nextLong();
        assertThat(game0).isNotEqualTo(game1).isNotEqualTo(seed43);
    }

    @Test
    void drawsAreUniform() {
        GameRandom random = new GameRandom();
        random.startGame(1, 1);
        int[] buckets = new int[16];
        int draws = 160_000;
        for (int i = 0; i < draws; i++) {
            buckets[(int) (random.nextDouble() * 16)]++;
        }
        // Chi-square with 15 degrees of freedom: 37.7 is its 0.999 quantile.
        double chiSquare = 0;
        for (int count : buckets) {
            chiSquare += Math.pow(count - draws / 16.0, 2) / (draws / 16.0);
        }
        assertThat(chiSquare).isLessThan(37.7);
    }
}
