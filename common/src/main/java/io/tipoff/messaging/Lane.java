package io.tipoff.messaging;

/**
 * Which queue a job's chunks travel on. A job small enough to be one short chunk goes on the interactive lane: every
 * worker keeps a consumer free for it, and plays its slices ahead of the batch chunks it has in hand, so a visitor's
 * click never waits for a whole chunk of someone's backtest. Everything else shares the batch lane.
 */
public enum Lane {
    /** One chunk of at most {@code tipoff.jobs.interactive-max-games} games. */
    INTERACTIVE,
    BATCH
}
