package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.model.Bracket;
import io.tipoff.model.BracketShape;
import io.tipoff.pool.PoolSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolScoreTest {

    /** Four teams: A1 against A4 and A2 against A3, then the final. */
    private static final BracketShape SHAPE = BracketShape.of(List.of("A1", "A2", "A3", "A4"), List.of(
            new Bracket.Slot("R1A", "A1", "A4"), new Bracket.Slot("R1B", "A2", "A3"),
            new Bracket.Slot("R2", "R1A", "R1B")));

    /** Nearly everyone has A1 over A4, most have A2 over A3 and A1 the champion. */
    private static final List<PoolSpec.SeedPicks> PICKS = List.of(
            new PoolSpec.SeedPicks("A1", List.of(0.9, 0.6)), new PoolSpec.SeedPicks("A2", List.of(0.7, 0.3)),
            new PoolSpec.SeedPicks("A3", List.of(0.3, 0.08)), new PoolSpec.SeedPicks("A4", List.of(0.1, 0.02)));

    private static final List<Integer> SCORING = List.of(1, 2);

    @Test
    void theRealWinnersAreFoundGameByGameAndAnEntryScoredOnThem() {
        // A4 beats A1, A2 beats A3, A4 wins the final: an upset the public did not see.
        Map<String, String> played = Map.of("A1/A4", "A4", "A2/A3", "A2", "A2/A4", "A4");
        int[] winners = PoolScore.winners(SHAPE, (a, b) -> played.get(a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a));
        assertThat(winners).containsExactly(3, 1, 3);

        int[] perfect = PoolScore.picks(SHAPE, Map.of("R1A", "A4", "R1B", "A2", "R2", "A4"));
        PoolScore best = PoolScore.of(SHAPE, PICKS, SCORING, 10, perfect, winners, 2_000, 1);
        assertThat(best.score()).isEqualTo(4);
        assertThat(best.meanPlace()).isEqualTo(1.0);
        assertThat(best.winShare()).isBetween(0.5, 1.0);

        int[] chalk = PoolScore.picks(SHAPE, Map.of("R1A", "A1", "R1B", "A2", "R2", "A1"));
        PoolScore beaten = PoolScore.of(SHAPE, PICKS, SCORING, 10, chalk, winners, 2_000, 1);
        assertThat(beaten.score()).isEqualTo(1);
        assertThat(beaten.winShare()).isLessThan(best.winShare());
        assertThat(beaten.meanPlace()).isGreaterThan(1.0);
        assertThat(PoolScore.of(SHAPE, PICKS, SCORING, 10, chalk, winners, 2_000, 1)).isEqualTo(beaten);
    }
}
