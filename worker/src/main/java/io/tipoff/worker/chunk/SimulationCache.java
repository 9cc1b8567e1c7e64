package io.tipoff.worker.chunk;

import io.tipoff.engine.ModelMemory;
import io.tipoff.engine.Simulation;
import io.tipoff.job.JobModel;
import io.tipoff.job.JobSpec;
import io.tipoff.worker.config.WorkerProperties;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The models of the jobs this worker is playing, so that consecutive chunks of a job share one. A matchup costs a few
 * milliseconds to build, but a tournament builds the model of every pair of teams that meet (up to every pair of its
 * teams, 120 KB each) as its games need them: built once per job, not once per chunk.
 *
 * <p>Bounded by memory, not by jobs: the models kept come to at most {@code tipoff.worker.model-cache-size} by their
 * estimate ({@link ModelMemory}), the least recently used dropped first. Eight 68-team brackets would be 2 GB; the
 * api refuses a job whose model is over {@code tipoff.jobs.max-model-memory}, and this cache keeps as many as fit. A
 * model a chunk still plays is held by that chunk until it ends, whether or not it is still here.
 */
@Component
class SimulationCache {

    private final long budget;
    private long cached;
    private final Map<UUID, Entry> byJob = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(Simulation<?> simulation, long bytes) {
    }

    @Autowired
    SimulationCache(WorkerProperties properties) {
        this(properties.worker().modelCacheSize().toBytes());
    }

    SimulationCache(long budget) {
        this.budget = budget;
    }

    synchronized Simulation<?> of(UUID jobId, JobSpec spec) {
        Entry entry = byJob.get(jobId);
        if (entry == null) {
            entry = new Entry(JobModel.of(spec), JobModel.bytes(spec));
            byJob.put(jobId, entry);
            cached += entry.bytes();
            evictBeyondBudget(jobId);
        }
        return entry.simulation();
    }

    /** Drops the least recently used models until the rest fit; the one just asked for is kept while it is alone. */
    private void evictBeyondBudget(UUID keep) {
        Iterator<Map.Entry<UUID, Entry>> eldest = byJob.entrySet().iterator();
        while (cached > budget && eldest.hasNext()) {
            Map.Entry<UUID, Entry> next = eldest.next();
            if (!next.getKey().equals(keep)) {
                cached -= next.getValue().bytes();
                eldest.remove();
            }
        }
        if (cached > budget) {
            // Larger than the whole budget by itself: used for this chunk, not kept.
            cached -= byJob.remove(keep).bytes();
        }
    }

    /** The estimated bytes of the models kept now. */
    synchronized long cachedBytes() {
        return cached;
    }

    synchronized int jobs() {
        return byJob.size();
    }
}
