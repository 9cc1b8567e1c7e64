package io.tipoff.api.job;

import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.engine.ModelMemory;
import io.tipoff.job.JobModel;
import io.tipoff.job.JobSpec;
import io.tipoff.model.JobType;
import org.springframework.util.unit.DataSize;

/**
 * Refuses a job whose model no worker is sized to hold ({@code tipoff.jobs.max-model-memory}), before it is stored: a
 * 512-team bracket's model comes to 15 GB, and three of them took a worker down. The same check for a bracket given
 * inline and one imported.
 */
final class ModelBudget {

    static final String PROPERTY = "tipoff.jobs.max-model-memory";

    private ModelBudget() {
    }

    /** @param inline whether a tournament's bracket came in the request (else it is an imported season's) */
    static void check(JobSpec spec, boolean inline, DataSize limit) {
        long bytes = JobModel.bytes(spec);
        if (bytes <= limit.toBytes()) {
            return;
        }
        String what = spec.type() == JobType.TOURNAMENT
                ? "a bracket of " + spec.tournament().bracket().teams().size() + " teams"
                : "this job";
        throw new InvalidFieldException(spec.type() == JobType.TOURNAMENT
                ? inline ? "tournament.teams" : "tournament.season" : "type",
                "needs up to " + ModelMemory.format(bytes) + " of model memory on a worker (" + what + ", "
                        + JobModel.pairs(spec) + " pairs of teams that can meet, "
                        + ModelMemory.BYTES_PER_PAIR / 1024 + " KB each); the limit is "
                        + ModelMemory.format(limit.toBytes()) + " (" + PROPERTY + ")");
    }
}
