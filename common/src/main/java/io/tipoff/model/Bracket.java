package io.tipoff.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A single-elimination bracket in the shape of Kaggle's {@code tourney_seeds} and {@code tourney_slots}: teams by seed
 * label ({@code W01}, {@code W16a}), and slots (games) whose two sides are seeds or earlier slots ({@code R1W1}: W01
 * against W16; {@code R2W1}: the winners of R1W1 and R1W8). The one slot no other slot names is the final. Any size
 * works, play-in games (the First Four) included, as long as the slots form one tree over every team.
 */
public record Bracket(List<Seeded> teams, List<Slot> slots) {

    /**
     * The most teams a bracket may have, however it is given (JSON or an imported CSV): the largest anyone plays is 68;
     * a few hundred is a typo or an attack, and the model of a bracket grows with the square of its teams.
     */
    public static final int MAX_TEAMS = 512;

    public record Seeded(String seed, TeamProfile team) {

        public Seeded {
            Objects.requireNonNull(team, "team");
        }
    }

    /** One game: the winners of its two sides meet; the strong side plays as team A. */
    public record Slot(String slot, String strongSeed, String weakSeed) {
    }

    public Bracket {
        teams = List.copyOf(teams);
        slots = List.copyOf(slots);
        validate(teams, slots);
    }

    /** The final: the slot no other slot names. */
    public Slot root() {
        Set<String> named = new HashSet<>();
        slots.forEach(s -> {
            named.add(s.strongSeed());
            named.add(s.weakSeed());
        });
        return slots.stream().filter(s -> !named.contains(s.slot())).findFirst().orElseThrow();
    }

    private static void validate(List<Seeded> teams, List<Slot> slots) {
        if (teams.size() < 2 || teams.size() > MAX_TEAMS) {
            throw new BracketException("teams", "a bracket needs at least two teams and at most " + MAX_TEAMS
                    + ", has " + teams.size());
        }
        Map<String, String> seedOfTeam = new HashMap<>();
        Set<String> seeds = new HashSet<>();
        for (Seeded entry : teams) {
            if (entry.seed() == null || entry.seed().isBlank()) {
                throw new BracketException("teams", "a team without a seed: " + entry.team().name());
            }
            if (!seeds.add(entry.seed())) {
                throw new BracketException(entry.seed(), "seed given to two teams");
            }
            String other = seedOfTeam.putIfAbsent(entry.team().name(), entry.seed());
            if (other != null) {
                throw new BracketException(entry.seed(), entry.team().name() + " is in the bracket twice (also as "
                        + other + ")");
            }
        }
        Map<String, Slot> byName = new HashMap<>();
        for (Slot slot : slots) {
            if (slot.slot() == null || slot.slot().isBlank()) {
                throw new BracketException("slots", "a slot without a name");
            }
            if (seeds.contains(slot.slot()) || byName.putIfAbsent(slot.slot(), slot) != null) {
                throw new BracketException(slot.slot(), "slot named twice (or named like a seed)");
            }
        }
        Map<String, String> playsIn = new HashMap<>();
        for (Slot slot : slots) {
            for (String side : new String[] {slot.strongSeed(), slot.weakSeed()}) {
                if (side == null || !(seeds.contains(side) || byName.containsKey(side))) {
                    throw new BracketException(slot.slot(), "names " + side + ", which is neither a seed nor a slot");
                }
                String before = playsIn.putIfAbsent(side, slot.slot());
                if (before != null) {
                    throw new BracketException(slot.slot(), side + " already plays in slot " + before);
                }
            }
        }
        for (Seeded entry : teams) {
            if (!playsIn.containsKey(entry.seed())) {
                throw new BracketException(entry.seed(), "plays in no slot: a slot is missing");
            }
        }
        List<String> finals = new ArrayList<>();
        slots.forEach(s -> {
            if (!playsIn.containsKey(s.slot())) {
                finals.add(s.slot());
            }
        });
        if (finals.size() != 1) {
            String where = finals.isEmpty() ? slots.get(0).slot() : finals.get(1);
            throw new BracketException(where, finals.isEmpty() ? "every slot feeds another: the slots form a cycle"
                    : "leads to no later slot, and neither does " + finals.get(0) + ": a slot joining them is missing");
        }
        // With one final, every seed used once and every slot feeding one other, a slot the final cannot reach is on a
        // cycle.
        Set<String> reached = new HashSet<>();
        List<String> open = new ArrayList<>(List.of(finals.get(0)));
        while (!open.isEmpty()) {
            Slot slot = byName.get(open.remove(open.size() - 1));
            reached.add(slot.slot());
            for (String side : new String[] {slot.strongSeed(), slot.weakSeed()}) {
                if (byName.containsKey(side)) {
                    open.add(side);
                }
            }
        }
        for (Slot slot : slots) {
            if (!reached.contains(slot.slot())) {
                // Follow the winners up from here: a slot met twice is on a cycle.
                Set<String> seen = new HashSet<>();
                String at = slot.slot();
                while (seen.add(at)) {
                    at = playsIn.get(at);
                }
                throw new BracketException(at, "is part of a cycle of slots");
            }
        }
    }
}
