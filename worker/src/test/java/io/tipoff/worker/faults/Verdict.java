package io.tipoff.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the checker found after a scenario, over the jobs it ran: every chunk stored once and counted once, the
 * result identical to the undisturbed run's, the status set once, the chunk queue empty and the dead-letter queue
 * holding only what the scenario poisoned on purpose.
 *
 * @param chunks         chunks planned
 * @param lost           chunks planned but never stored
 * @param doubleCounted  chunks (or games) counted in the jobs' progress beyond the chunks stored
 * @param identical      jobs whose result is byte for byte the undisturbed run's; -1 where no job was to complete
 * @param jobs           jobs checked
 * @param statusOnce     whether every job's status went QUEUED, RUNNING, then its final status, each once
 * @param queued         chunks left in the chunk queue, ready or unacknowledged
 * @param deadLetters    messages in the dead-letter queue
 * @param replayed       chunks played again, wholly or in part, after a fault took them from a worker (taken more
 *                       often than stored); a copy that found its chunk stored is absorbed without playing
 */
record Verdict(long chunks, long lost, long doubleCounted, long identical, long jobs, boolean statusOnce,
               long queued, long deadLetters, long replayed) {

    /** Checks jobs that must have COMPLETED with the reference result. */
    static Verdict ofCompleted(TipoffSystem system, List<String> ids, String reference) {
        system.awaitQueueDrained();
        long lost = 0;
        long doubleCounted = 0;
        long identical = 0;
        long replayed = 0;
        long planned = 0;
        boolean statusOnce = true;
        for (String id : ids) {
            Counts counts = Counts.of(system, id);
            planned += counts.planned();
            lost += counts.planned() - counts.stored();
            doubleCounted += Math.max(Math.max(0, counts.countedChunks() - counts.stored()),
                    counts.countedGames() > counts.storedGames() ? 1 : 0);
            identical += reference.equals(system.result(id)) ? 1 : 0;
            statusOnce &= system.statusHistory(id).equals(List.of("QUEUED>RUNNING", "RUNNING>COMPLETED"));
            replayed += ChunkLog.count(system.workers(), id, ChunkLog.Kind.TAKEN) - counts.stored();
        }
        RabbitNode.QueueState dead = system.deadLetterQueue();
        return new Verdict(planned, lost, doubleCounted, identical, ids.size(),
                statusOnce, system.chunkQueue().total(), dead == null ? 0 : dead.total(), replayed);
    }

    /** The job's planned, stored and counted chunks and games. */
    record Counts(long planned, long stored, long storedGames, long countedChunks, long countedGames) {

        static Counts of(TipoffSystem system, String id) {
            return system.db.sql("""
                            select j.chunks, j.chunks_completed, j.simulations_completed,
                                   (select count(*) from chunk_results c where c.job_id = j.id),
                                   (select coalesce(sum(games), 0) from chunk_results c where c.job_id = j.id)
                            from jobs j where j.id = :id""")
                    .param("id", UUID.fromString(id))
                    .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(4), rs.getLong(5), rs.getLong(2),
                            rs.getLong(3)))
                    .single();
        }
    }

    /** Asserts the verdict of completed jobs: nothing lost or counted twice, identical, once, queues as expected. */
    Verdict assertClean(long expectedDeadLetters) {
        List<String> problems = new ArrayList<>();
        if (lost != 0) {
            problems.add(lost + " chunks lost");
        }
        if (doubleCounted != 0) {
            problems.add(doubleCounted + " chunks counted twice");
        }
        if (identical != jobs) {
            problems.add((jobs - identical) + " results differ from the undisturbed run's");
        }
        if (!statusOnce) {
            problems.add("a status was set more than once");
        }
        if (queued != 0) {
            problems.add(queued + " chunks left in the queue");
        }
        if (deadLetters != expectedDeadLetters) {
            problems.add(deadLetters + " dead letters, expected " + expectedDeadLetters);
        }
        assertThat(problems).as(toString()).isEmpty();
        return this;
    }

    String identicalText() {
        if (identical < 0) {
            return "n/a (job FAILED)";
        }
        return identical == jobs ? (jobs == 1 ? "yes" : "yes (" + jobs + " of " + jobs + ")")
                : "NO (" + identical + " of " + jobs + ")";
    }
}
