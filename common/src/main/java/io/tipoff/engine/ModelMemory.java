package io.tipoff.engine;

import io.tipoff.model.Bracket;
import io.tipoff.model.Tournament;
import java.util.HashMap;
import java.util.Map;

/**
 * How much memory a job's model holds on a worker, known before the job is accepted. A matchup is one
 * {@link MatchupModel}; a tournament builds one for every pair of teams that meet, as they meet, and keeps them for the
 * job: in the worst case every pair that can meet, which in a single-elimination tree is every pair of its teams, once
 * (they can meet only in the slot where their paths join). So the model of an n-team bracket grows as n(n − 1)/2: a
 * 68-team bracket 2,278 pairs, a 512-team one 130,816.
 */
public final class ModelMemory {

    /**
     * The heap one pair's model holds, rounded up: 120,042 bytes measured (after a full GC, 2,000 models of distinct
     * teams, JDK 17, compressed pointers), most of it the two stacks of possession tables and their stat lines.
     */
    public static final long BYTES_PER_PAIR = 120L * 1024;

    private ModelMemory() {
    }

    /** The most bytes a job's model can come to on a worker: of a matchup when {@code tournament} is null. */
    public static long bytes(Tournament tournament) {
        return pairs(tournament) * BYTES_PER_PAIR;
    }

    /** The most team pairs a job's model can hold: 1 for a matchup ({@code tournament} null). */
    public static long pairs(Tournament tournament) {
        return tournament != null ? pairsThatCanMeet(tournament.bracket()) : 1;
    }

    /** Σ over slots of the teams that can reach one side times those that can reach the other. */
    static long pairsThatCanMeet(Bracket bracket) {
        Map<String, Bracket.Slot> slots = new HashMap<>();
        bracket.slots().forEach(slot -> slots.put(slot.slot(), slot));
        Map<String, Long> teamsUnder = new HashMap<>();
        long pairs = 0;
        for (Bracket.Slot slot : bracket.slots()) {
            pairs += teamsUnder(slot.strongSeed(), slots, teamsUnder) * teamsUnder(slot.weakSeed(), slots, teamsUnder);
        }
        return pairs;
    }

    private static long teamsUnder(String side, Map<String, Bracket.Slot> slots, Map<String, Long> memo) {
        Bracket.Slot slot = slots.get(side);
        if (slot == null) {
            return 1;  // a seed: one team
        }
        Long known = memo.get(side);
        if (known != null) {
            return known;
        }
        // Depth is at most the bracket's rounds (a valid bracket is a tree): recursion stays shallow for a balanced
        // one; a degenerate chain of 512 teams is 511 deep, still well within a thread's stack.
        long teams = teamsUnder(slot.strongSeed(), slots, memo) + teamsUnder(slot.weakSeed(), slots, memo);
        memo.put(side, teams);
        return teams;
    }

    /** {@code bytes} as people read it: 267 MB, 15.0 GB (powers of 1,024). */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        return (bytes + (1L << 20) - 1 >> 20) + " MB";
    }
}
