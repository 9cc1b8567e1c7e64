package io.tipoff.job;

import io.tipoff.engine.MatchupModel;
import io.tipoff.engine.ModelMemory;
import io.tipoff.engine.Simulation;
import io.tipoff.engine.TournamentModel;
import io.tipoff.pool.PoolModel;

/** The model a stored job is played and reduced with, by its type, and what that model holds in memory. */
public final class JobModel {

    private JobModel() {
    }

    /** The model of a stored job. */
    public static Simulation<?> of(JobSpec spec) {
        return switch (spec.type()) {
            case MATCHUP -> MatchupModel.of(spec.matchup(), spec.settings());
            case TOURNAMENT -> TournamentModel.of(spec.tournament(), spec.settings());
            case BRACKET_POOL -> PoolModel.of(spec.tournament(), spec.pool(), spec.settings());
        };
    }

    /** The most bytes the job's model can come to on a worker (see {@link ModelMemory}). */
    public static long bytes(JobSpec spec) {
        return ModelMemory.bytes(spec.tournament());
    }

    /** The most team pairs the job's model can hold. */
    public static long pairs(JobSpec spec) {
        return ModelMemory.pairs(spec.tournament());
    }
}
