package io.tipoff.worker.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.engine.Bench;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.model.JobSpec;
import io.tipoff.model.JobType;
import io.tipoff.model.SimulationSettings;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A worker plays only the chunks a job was split into: 25,000 games in chunks of 10,000 are 10,000, 10,000, 5,000. */
class JobToPlayTest {

    private static final UUID ID = UUID.randomUUID();
    private static final ChunkStore.JobToPlay JOB = new ChunkStore.JobToPlay("RUNNING", 7,
            new JobSpec(JobType.MATCHUP, Bench.SAMPLE, SimulationSettings.DEFAULTS), 25_000, 10_000, 3);

    @Test
    void theChunksOfThePlanArePlanned() {
        assertThat(JOB.plans(new ChunkMessage(ID, 0, 0, 10_000))).isTrue();
        assertThat(JOB.plans(new ChunkMessage(ID, 1, 10_000, 10_000))).isTrue();
        assertThat(JOB.plans(new ChunkMessage(ID, 2, 20_000, 5_000))).isTrue();
    }

    @Test
    void aChunkBeyondTheLastOrWithOtherGamesIsNot() {
        assertThat(JOB.plans(new ChunkMessage(ID, 3, 30_000, 10_000))).isFalse();
        assertThat(JOB.plans(new ChunkMessage(ID, 2, 20_000, 10_000))).isFalse();
        assertThat(JOB.plans(new ChunkMessage(ID, 1, 10_001, 10_000))).isFalse();
        assertThat(JOB.plans(new ChunkMessage(ID, 1, 10_000, 1))).isFalse();
    }

    @Test
    void onlyQueuedAndRunningJobsAreOpen() {
        assertThat(JOB.isOpen()).isTrue();
        assertThat(new ChunkStore.JobToPlay("QUEUED", 7, JOB.spec(), 25_000, 10_000, 3).isOpen()).isTrue();
        for (String closed : new String[] {"COMPLETED", "FAILED", "CANCELLED"}) {
            assertThat(new ChunkStore.JobToPlay(closed, 7, JOB.spec(), 25_000, 10_000, 3).isOpen()).isFalse();
        }
    }
}
