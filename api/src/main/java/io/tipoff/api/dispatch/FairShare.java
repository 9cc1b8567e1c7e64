package io.tipoff.api.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which jobs get the chunk slots that are free, one slot at a time (docs/SCHEDULING.md): first the API key (tenant)
 * with the fewest chunks in flight, then, among that key's jobs, the one with the fewest chunks in flight per unit
 * of priority weight; ties go to the older key's work and the older job. As in Spark's and YARN's fair schedulers the
 * decision is made when a slot frees up, so a job that arrives behind a big one starts at the next free slot, and a
 * key's many jobs never crowd out another key's one.
 */
final class FairShare {

    private FairShare() {
    }

    /**
     * A job as the policy sees it.
     *
     * @param inFlight  chunks released and not yet stored
     * @param remaining chunks not yet released
     * @param weight    its priority's weight (HIGH 4, NORMAL 2, LOW 1)
     */
    record Job(UUID id, String key, int weight, Instant createdAt, int inFlight, int remaining) {
    }

    /**
     * The jobs that get the next {@code slots} chunks, in order, a job once per chunk it gets; fewer when the jobs
     * have less left. {@code jobs} are all the open jobs of the lane, those with nothing left to release included: their
     * chunks in flight count against their key.
     */
    static List<UUID> assign(List<Job> jobs, int slots) {
        Map<String, Integer> keyInFlight = new HashMap<>();
        Map<String, Instant> keyOldest = new HashMap<>();
        List<Slotted> waiting = new ArrayList<>();
        for (Job job : jobs) {
            keyInFlight.merge(job.key(), job.inFlight(), Integer::sum);
            if (job.remaining() > 0) {
                waiting.add(new Slotted(job));
                keyOldest.merge(job.key(), job.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Comparator<Slotted> order = Comparator
                .<Slotted>comparingInt(s -> keyInFlight.get(s.job.key()))
                .thenComparing(s -> keyOldest.get(s.job.key()))
                .thenComparing(s -> s.job.key())
                // inFlight / weight, compared without division: a/w < b/v ⇔ a·v < b·w
                .thenComparing((s, t) -> Long.compare((long) s.inFlight * t.job.weight(),
                        (long) t.inFlight * s.job.weight()))
                .thenComparing(s -> s.job.createdAt())
                .thenComparing(s -> s.job.id());
        List<UUID> assigned = new ArrayList<>(slots);
        while (assigned.size() < slots && !waiting.isEmpty()) {
            Slotted next = waiting.stream().min(order).orElseThrow();
            assigned.add(next.job.id());
            next.inFlight++;
            next.remaining--;
            keyInFlight.merge(next.job.key(), 1, Integer::sum);
            if (next.remaining == 0) {
                waiting.remove(next);
            }
        }
        return assigned;
    }

    /** A job's counts as slots are handed out. */
    private static final class Slotted {

        final Job job;
        int inFlight;
        int remaining;

        Slotted(Job job) {
            this.job = job;
            this.inFlight = job.inFlight();
            this.remaining = job.remaining();
        }
    }
}
