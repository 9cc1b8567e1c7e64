package io.tipoff.model;

/**
 * How much of its key's share a job gets against the key's other jobs: the dispatcher gives each job chunks in
 * proportion to its weight (docs/SCHEDULING.md). Keys always share equally among themselves: a priority never takes
 * anything from another key.
 */
public enum JobPriority {
    HIGH(4), NORMAL(2), LOW(1);

    private final int weight;

    JobPriority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
