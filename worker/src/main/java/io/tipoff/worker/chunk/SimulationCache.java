package io.tipoff.worker.chunk;

import io.tipoff.engine.Simulation;
import io.tipoff.model.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The models of the jobs this worker is playing, so that consecutive chunks of a job share one. A matchup costs a few
 * milliseconds to build, but a tournament builds the model of every pair of teams that meet (hundreds of them, about
 * a thousand games' worth each) as its games need them: built once per job, not once per chunk.
 */
@Component
class SimulationCache {

    /** A worker plays a few jobs at a time; a job that comes back after being evicted is simply built again. */
    static final int JOBS = 8;

    private final Map<UUID, Simulation<?>> byJob = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Simulation<?>> eldest) {
            return size() > JOBS;
        }
    };

    synchronized Simulation<?> of(UUID jobId, JobSpec spec) {
        return byJob.computeIfAbsent(jobId, id -> Simulation.of(spec));
    }
}
