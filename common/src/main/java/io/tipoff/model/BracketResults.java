package io.tipoff.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is known of a bracket being played: its decided games, as {@code slot → seed of the winner}. Given by hand (a
 * job's {@code results}) or from the games played ({@link #fromGames}, Kaggle's tourney_games), and checked against
 * the bracket: a winner must play in its slot, and no game can be won by a team that lost, or did not play, a game on
 * its way there. Pure and reusable: jobs, bracket pools and the live backtest read results through here.
 */
public final class BracketResults {

    private BracketResults() {
    }

    /** A tournament game played: Kaggle's compact results ({@code tourney_games_*.csv}, DayNum and team ids). */
    public record Game(int season, int day, int winnerId, int winnerPoints, int loserId, int loserPoints,
                       int overtimes) {
    }

    /**
     * The decided games of {@code results}, checked, with every game the winners must have won on their way there
     * (a team given as the winner of R2W1 won its R1 game too), so that a decided team-round is exactly 1 or 0.
     *
     * @throws BracketException naming the slot at fault: no slot of the bracket, a winner that is no seed or does not
     *                          play in that slot, or one that a decided game before it says lost
     */
    public static Map<String, String> decided(Bracket bracket, Map<String, String> results) {
        Tree tree = new Tree(bracket.teams().stream().map(Bracket.Seeded::seed).toList(), bracket.slots());
        List<String> order = new ArrayList<>(results.keySet());
        // A game before its later ones (fewer teams under it), so that a contradiction is named at the later game.
        order.sort(Comparator.comparingInt((String slot) -> tree.slots.containsKey(slot) ? tree.under(slot).size() : 0)
                .thenComparing(Comparator.naturalOrder()));
        Map<String, String> decided = new TreeMap<>();
        for (String slot : order) {
            String winner = results.get(slot);
            if (!tree.slots.containsKey(slot)) {
                throw new BracketException(slot, "is no slot of the bracket");
            }
            if (winner == null || !tree.seeds.contains(winner)) {
                throw new BracketException(slot, (winner == null ? "has no winner" : "names "
                        + Text.excerpt(winner) + ", which is no seed of the bracket"));
            }
            if (!tree.under(slot).contains(winner)) {
                throw new BracketException(slot, winner + " does not play in " + slot);
            }
            String at = slot;
            while (tree.slots.containsKey(at)) {
                String before = decided.get(at);
                if (before != null && !before.equals(winner)) {
                    throw new BracketException(slot, winner + " cannot have won " + slot + ": " + at + " was won by "
                            + before);
                }
                decided.put(at, winner);
                Bracket.Slot game = tree.slots.get(at);
                at = tree.under(game.strongSeed()).contains(winner) ? game.strongSeed() : game.weakSeed();
            }
        }
        return decided;
    }

    /**
     * The decided games of a bracket from the games played, in day order: each game is the slot whose two sides are
     * its two teams as decided so far.
     *
     * @param teamIds each seed's team id
     * @throws BracketException located at {@code day N} when a game's teams are not in the bracket or do not meet in
     *                          it as decided so far
     */
    public static Map<String, String> fromGames(List<Bracket.Slot> slots, Map<String, Integer> teamIds,
                                                List<Game> games) {
        Map<Integer, String> seedOf = new HashMap<>();
        teamIds.forEach((seed, id) -> seedOf.put(id, seed));
        List<Game> inOrder = new ArrayList<>(games);
        inOrder.sort(Comparator.comparingInt(Game::day).thenComparingInt(Game::winnerId));
        Map<String, String> decided = new TreeMap<>();
        for (Game game : inOrder) {
            String where = "day " + game.day();
            String winner = seedOf.get(game.winnerId());
            String loser = seedOf.get(game.loserId());
            if (winner == null || loser == null) {
                throw new BracketException(where, "team " + (winner == null ? game.winnerId() : game.loserId())
                        + " played a game but is not in the bracket");
            }
            Bracket.Slot slot = slots.stream()
                    .filter(s -> !decided.containsKey(s.slot()))
                    .filter(s -> {
                        String strong = team(s.strongSeed(), teamIds, decided);
                        String weak = team(s.weakSeed(), teamIds, decided);
                        return strong != null && weak != null
                                && Set.of(strong, weak).equals(Set.of(winner, loser));
                    })
                    .findFirst()
                    .orElseThrow(() -> new BracketException(where, winner + " (team " + game.winnerId() + ") beat "
                            + loser + " (team " + game.loserId() + "), who do not meet in the bracket as its "
                            + "earlier games decided it"));
            decided.put(slot.slot(), winner);
        }
        return decided;
    }

    /**
     * The seed playing on one side of a game once the games before it are decided: the seed itself, a decided
     * slot's winner, or null while that is still open.
     */
    public static String team(String side, Map<String, ?> seeds, Map<String, String> decided) {
        return seeds.containsKey(side) ? side : decided.get(side);
    }

    /**
     * Checks that each game said to be in progress can be: a slot of the bracket, not decided, whose two teams are
     * known (both its sides seeds or decided).
     *
     * @throws BracketException naming the slot at fault
     */
    public static void checkInProgress(Bracket bracket, Map<String, String> decided, Set<String> inProgress) {
        Map<String, Bracket.Seeded> seeds = new HashMap<>();
        bracket.teams().forEach(t -> seeds.put(t.seed(), t));
        Map<String, Bracket.Slot> slots = new HashMap<>();
        bracket.slots().forEach(s -> slots.put(s.slot(), s));
        for (String slot : new TreeSet<>(inProgress)) {
            Bracket.Slot game = slots.get(slot);
            if (game == null) {
                throw new BracketException(slot, "is no slot of the bracket");
            }
            if (decided.containsKey(slot)) {
                throw new BracketException(slot, "is decided (won by " + decided.get(slot) + "), not in progress");
            }
            if (team(game.strongSeed(), seeds, decided) == null || team(game.weakSeed(), seeds, decided) == null) {
                throw new BracketException(slot, "cannot be in progress: its teams are not known until "
                        + (team(game.strongSeed(), seeds, decided) == null ? game.strongSeed() : game.weakSeed())
                        + " is decided");
            }
        }
    }

    /** The bracket as a tree: which seeds can come through each side. */
    private static final class Tree {
        final Set<String> seeds;
        final Map<String, Bracket.Slot> slots = new HashMap<>();
        private final Map<String, Set<String>> under = new HashMap<>();

        Tree(List<String> seeds, List<Bracket.Slot> slots) {
            this.seeds = new HashSet<>(seeds);
            slots.forEach(s -> this.slots.put(s.slot(), s));
        }

        /** The seeds that can come through a side: a seed itself, or every seed under a slot. */
        Set<String> under(String side) {
            if (!slots.containsKey(side)) {
                return Set.of(side);
            }
            Set<String> known = under.get(side);
            if (known == null) {
                Bracket.Slot slot = slots.get(side);
                known = new HashSet<>(under(slot.strongSeed()));
                known.addAll(under(slot.weakSeed()));
                under.put(side, known);
            }
            return known;
        }
    }
}
