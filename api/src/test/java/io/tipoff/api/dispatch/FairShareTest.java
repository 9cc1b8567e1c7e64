package io.tipoff.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FairShareTest {

    private static final Instant T0 = Instant.parse("2026-03-15T12:00:00Z");

    private static FairShare.Job job(String key, int weight, int minute, int inFlight, int remaining) {
        return new FairShare.Job(UUID.randomUUID(), key, weight, T0.plusSeconds(60L * minute), inFlight, remaining);
    }

    private static Map<UUID, Long> counts(List<UUID> assigned) {
        return assigned.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void aKeyThatArrivesBehindAnotherKeysBacklogGetsTheNextFreeSlots() {
        List<FairShare.Job> alice = List.of(job("alice", 2, 0, 1, 20), job("alice", 2, 1, 1, 20),
                job("alice", 2, 2, 1, 20), job("alice", 2, 3, 1, 20));
        FairShare.Job bob = job("bob", 2, 4, 0, 20);
        List<FairShare.Job> all = new java.util.ArrayList<>(alice);
        all.add(bob);

        // Alice holds four slots; four come free: bob takes them until the two keys hold the same.
        List<UUID> assigned = FairShare.assign(all, 4);

        assertThat(assigned).containsExactly(bob.id(), bob.id(), bob.id(), bob.id());
        assertThat(FairShare.assign(all, 6)).filteredOn(bob.id()::equals).hasSize(5);
    }

    @Test
    void aKeysJobsShareItsSlotsInProportionToTheirPriorityWeights() {
        FairShare.Job high = job("alice", 4, 2, 0, 100);
        FairShare.Job normal = job("alice", 2, 1, 0, 100);
        FairShare.Job low = job("alice", 1, 0, 0, 100);

        Map<UUID, Long> counts = counts(FairShare.assign(List.of(low, normal, high), 70));

        assertThat(counts.get(high.id())).isEqualTo(40);
        assertThat(counts.get(normal.id())).isEqualTo(20);
        assertThat(counts.get(low.id())).isEqualTo(10);
    }

    @Test
    void aPriorityNeverTakesSlotsFromAnotherKey() {
        FairShare.Job aliceHigh = job("alice", 4, 0, 0, 100);
        FairShare.Job bobLow = job("bob", 1, 1, 0, 100);

        Map<UUID, Long> counts = counts(FairShare.assign(List.of(aliceHigh, bobLow), 10));

        assertThat(counts.get(aliceHigh.id())).isEqualTo(5);
        assertThat(counts.get(bobLow.id())).isEqualTo(5);
    }

    @Test
    void chunksInFlightOfAJobWithNothingLeftStillCountAgainstItsKey() {
        FairShare.Job aliceDone = job("alice", 2, 0, 3, 0);
        FairShare.Job aliceNext = job("alice", 2, 1, 0, 10);
        FairShare.Job bob = job("bob", 2, 2, 0, 10);

        assertThat(FairShare.assign(List.of(aliceDone, aliceNext, bob), 3)).containsExactly(bob.id(), bob.id(),
                bob.id());
    }

    @Test
    void noMoreIsAssignedThanTheJobsHaveLeftAndTiesGoToTheOlderJob() {
        FairShare.Job older = job("alice", 2, 0, 0, 1);
        FairShare.Job newer = job("alice", 2, 5, 0, 1);

        assertThat(FairShare.assign(List.of(newer, older), 5)).containsExactly(older.id(), newer.id());
        assertThat(FairShare.assign(List.of(), 5)).isEmpty();
    }
}
