package io.tipoff.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void aJobMovesForwardOnlyAndAFinalStatusIsSetOnce() {
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.COMPLETED)).isTrue();
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.QUEUED)).isFalse();
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.CANCELLED)).isFalse();
        assertThat(JobStatus.namesMovableTo(JobStatus.CANCELLED)).containsExactly("QUEUED", "RUNNING");
        assertThat(JobStatus.OPEN_NAMES).containsExactly("QUEUED", "RUNNING");
    }
}
