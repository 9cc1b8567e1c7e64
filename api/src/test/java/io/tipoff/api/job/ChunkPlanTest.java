package io.tipoff.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.messaging.ChunkMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static final UUID JOB = UUID.randomUUID();

    @Test
    void chunksCoverEveryGameOnceInOrder() {
        ChunkPlan plan = ChunkPlan.of(2_500_001, 1_000_000);
        List<ChunkMessage> chunks = plan.messages(JOB, Set.of());
        assertThat(plan.chunks()).isEqualTo(3);
        assertThat(chunks).containsExactly(
                new ChunkMessage(JOB, 0, 0, 1_000_000),
                new ChunkMessage(JOB, 1, 1_000_000, 1_000_000),
                new ChunkMessage(JOB, 2, 2_000_000, 500_001));
    }

    @Test
    void aJobSmallerThanAChunkIsOneChunk() {
        assertThat(ChunkPlan.of(10, 1_000_000).messages(JOB, Set.of()))
                .containsExactly(new ChunkMessage(JOB, 0, 0, 10));
    }

    @Test
    void republishingSkipsTheChunksAlreadyDone() {
        assertThat(ChunkPlan.of(30, 10).messages(JOB, Set.of(0, 2)))
                .containsExactly(new ChunkMessage(JOB, 1, 10, 10));
    }
}
