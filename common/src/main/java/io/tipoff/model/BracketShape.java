package io.tipoff.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bracket's games without its teams' profiles, in playing order: depth first from the final, both sides of a game
 * before it (play-ins first, the final last). {@code TournamentModel} plays its games in this order, and bracket pools
 * pick and score brackets by it, so a tournament's winners index the same games everywhere.
 *
 * @param seeds  the teams' seeds, in bracket order (a team's index)
 * @param slots  each game's slot, in playing order
 * @param depth  each game's depth below the final (0 the final, 1 a semifinal, …)
 * @param strong each game's strong side: a team index (≥ 0) or {@code ~game} whose winner comes through
 * @param weak   likewise its weak side
 */
public record BracketShape(List<String> seeds, List<String> slots, int[] depth, int[] strong, int[] weak) {

    public static BracketShape of(Bracket bracket) {
        return of(bracket.teams().stream().map(Bracket.Seeded::seed).toList(), bracket.slots());
    }

    /** The shape of seeds and slots that form one bracket (as {@link Bracket} checks). */
    public static BracketShape of(List<String> seeds, List<Bracket.Slot> slots) {
        Map<String, Bracket.Slot> byName = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (Bracket.Slot slot : slots) {
            byName.put(slot.slot(), slot);
            named.add(slot.strongSeed());
            named.add(slot.weakSeed());
        }
        Bracket.Slot root = slots.stream().filter(s -> !named.contains(s.slot())).findFirst().orElseThrow();
        List<Bracket.Slot> order = new ArrayList<>();
        Map<String, Integer> depthOf = new HashMap<>();
        visit(root, 0, byName, order, depthOf);
        Map<String, Integer> teamIndex = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            teamIndex.put(seeds.get(i), i);
        }
        Map<String, Integer> gameIndex = new HashMap<>();
        int games = order.size();
        int[] depth = new int[games];
        int[] strong = new int[games];
        int[] weak = new int[games];
        List<String> names = new ArrayList<>(games);
        for (int g = 0; g < games; g++) {
            Bracket.Slot slot = order.get(g);
            gameIndex.put(slot.slot(), g);
            names.add(slot.slot());
            depth[g] = depthOf.get(slot.slot());
            strong[g] = side(slot.strongSeed(), teamIndex, gameIndex);
            weak[g] = side(slot.weakSeed(), teamIndex, gameIndex);
        }
        return new BracketShape(List.copyOf(seeds), List.copyOf(names), depth, strong, weak);
    }

    private static void visit(Bracket.Slot slot, int depth, Map<String, Bracket.Slot> byName,
                              List<Bracket.Slot> order, Map<String, Integer> depthOf) {
        for (String side : new String[] {slot.strongSeed(), slot.weakSeed()}) {
            Bracket.Slot child = byName.get(side);
            if (child != null) {
                visit(child, depth + 1, byName, order, depthOf);
            }
        }
        depthOf.put(slot.slot(), depth);
        order.add(slot);
    }

    private static int side(String name, Map<String, Integer> teamIndex, Map<String, Integer> gameIndex) {
        Integer team = teamIndex.get(name);
        return team != null ? team : ~gameIndex.get(name);
    }

    public int teams() {
        return seeds.size();
    }

    public int games() {
        return slots.size();
    }

    /** Depths below the final that games are played at: 7 for the 68-team NCAA bracket (the First Four the 7th). */
    public int rounds() {
        int deepest = 0;
        for (int d : depth) {
            deepest = Math.max(deepest, d);
        }
        return deepest + 1;
    }

    /** Rounds of the main draw, the scored ones: those of the largest power of two of teams (6 for 64 or 68 teams). */
    public int mainRounds() {
        return 31 - Integer.numberOfLeadingZeros(games() + 1);
    }

    /** The team picked in game {@code g}'s side, given the picks (or winners) of the games before it. */
    public int strongTeam(int g, int[] picks) {
        return strong[g] >= 0 ? strong[g] : picks[~strong[g]];
    }

    public int weakTeam(int g, int[] picks) {
        return weak[g] >= 0 ? weak[g] : picks[~weak[g]];
    }

    /** {@code under[g][t]}: whether team {@code t} can play in game {@code g} (it is in the game's subtree). */
    public boolean[][] teamsUnder() {
        boolean[][] under = new boolean[games()][teams()];
        for (int g = 0; g < games(); g++) {
            for (int side : new int[] {strong[g], weak[g]}) {
                if (side >= 0) {
                    under[g][side] = true;
                } else {
                    boolean[] child = under[~side];
                    for (int t = 0; t < child.length; t++) {
                        under[g][t] |= child[t];
                    }
                }
            }
        }
        return under;
    }

}
