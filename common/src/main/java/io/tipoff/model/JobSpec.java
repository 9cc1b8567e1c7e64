package io.tipoff.model;

import java.util.Objects;

/**
 * What a job simulates, stored with the job when it is accepted: the teams and the engine settings of that moment.
 * Workers read it from the job, so every chunk of a job plays by the same rules.
 */
public record JobSpec(JobType type, Matchup matchup, SimulationSettings settings) {

    public JobSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        if (type == JobType.MATCHUP) {
            Objects.requireNonNull(matchup, "matchup");
        }
    }
}
