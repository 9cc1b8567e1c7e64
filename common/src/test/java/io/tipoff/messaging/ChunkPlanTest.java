package io.tipoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static final UUID JOB = UUID.randomUUID();

    @Test
    void theLastChunkTakesWhatIsLeftAndPrefixesCountTheirSimulations() {
        ChunkPlan plan = ChunkPlan.of(25_000, 10_000);

        assertThat(plan.chunks()).isEqualTo(3);
        assertThat(plan.chunk(JOB, 2)).isEqualTo(new ChunkMessage(JOB, 2, 20_000, 5_000));
        assertThat(plan.simulationsIn(0)).isZero();
        assertThat(plan.simulationsIn(2)).isEqualTo(20_000);
        assertThat(plan.simulationsIn(3)).isEqualTo(25_000);
        assertThat(plan.plans(new ChunkMessage(JOB, 2, 20_000, 5_000))).isTrue();
        assertThat(plan.plans(new ChunkMessage(JOB, 2, 20_000, 10_000))).isFalse();
        assertThat(plan.plans(new ChunkMessage(JOB, 3, 30_000, 5_000))).isFalse();
    }

    @Test
    void aPlanWhoseCountsDisagreeIsNoPlan() {
        assertThatThrownBy(() -> new ChunkPlan(25_000, 10_000, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChunkPlan.of(Long.MAX_VALUE, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
