package io.tipoff.worker.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.job.JobSpec;
import io.tipoff.messaging.ChunkMessage;
import io.tipoff.messaging.ChunkPlan;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import io.tipoff.model.SimulationSettings;
import io.tipoff.testing.Matchups;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A worker plays only the chunks a job was split into: 25,000 games in chunks of 10,000 are 10,000, 10,000, 5,000. */
class JobToPlayTest {

    private static final UUID ID = UUID.randomUUID();
    private static final JobSpec SPEC = new JobSpec(JobType.MATCHUP, Matchups.FINAL_2019, SimulationSettings.DEFAULTS);
    private static final ChunkStore.JobToPlay JOB = job(JobStatus.RUNNING, null);

    private static ChunkStore.JobToPlay job(JobStatus status, Integer resultChunks) {
        return new ChunkStore.JobToPlay(status, 7, SPEC, ChunkPlan.of(25_000, 10_000), null, resultChunks);
    }

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
        assertThat(job(JobStatus.QUEUED, null).isOpen()).isTrue();
        for (JobStatus closed : new JobStatus[] {JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED}) {
            assertThat(job(closed, null).isOpen()).isFalse();
        }
    }

    @Test
    void anOpenJobWhoseResultChunksAreKnownIsCountedAndOnlyWaitsForItsReduce() {
        assertThat(JOB.isCounted()).isFalse();
        assertThat(job(JobStatus.RUNNING, 3).isCounted()).isTrue();
        assertThat(job(JobStatus.COMPLETED, 3).isCounted()).isFalse();
    }
}
