package io.tipoff.cli;

import io.tipoff.engine.TournamentResult;
import io.tipoff.model.Bracket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact chances of a bracket played with log5 win probabilities, the yardstick of the tournament backtest. No
 * simulation: a team wins a slot when it wins its side and then beats whoever wins the other side, so
 *
 * <pre>P(t wins slot) = P(t wins its side) × Σ over o of the other side: P(o wins that side) × p(t beats o)</pre>
 *
 * computed slot by slot from the first games up (dynamic programming over the tree), with p the log5 of the two
 * ratings ({@link BacktestScore#log5}). Pure arithmetic, no I/O.
 */
final class Log5Bracket {

    private final Map<String, Bracket.Slot> slots = new HashMap<>();
    private final List<String> seeds;
    private final double[] ratings;
    private final Map<String, Map<String, Double>> chances = new LinkedHashMap<>();
    /** Games already decided: slot → seed of the winner. */
    private final Map<String, String> results;

    private Log5Bracket(Map<String, Double> ratings, List<Bracket.Slot> slots, Map<String, String> results) {
        this.results = results;
        this.seeds = List.copyOf(ratings.keySet());
        this.ratings = ratings.values().stream().mapToDouble(Double::doubleValue).toArray();
        slots.forEach(slot -> this.slots.put(slot.slot(), slot));
        seeds.forEach(seed -> chances.put(seed, new LinkedHashMap<>()));
    }

    /**
     * For every seed, its chance to win each of its games, keyed by the round the win reaches as a tournament job's
     * result keys it ({@code R64} for a First Four game, … {@code CHAMP}), its first game first.
     *
     * @param ratings each seed's rating: its chance of beating an average team (Torvik's BARTHAG)
     * @param slots   the games; the one no other names is the final
     * @throws IllegalArgumentException when the slots do not form one tree over the seeds
     */
    static Map<String, Map<String, Double>> chances(Map<String, Double> ratings, List<Bracket.Slot> slots) {
        return chances(ratings, slots, Map.of());
    }

    /**
     * The same with some games decided ({@code results}: slot → seed of the winner, every game on a winner's way
     * decided too, as {@link io.tipoff.model.BracketResults#decided} gives them): a decided game's winner wins it with
     * chance 1, the others with 0.
     */
    static Map<String, Map<String, Double>> chances(Map<String, Double> ratings, List<Bracket.Slot> slots,
                                                    Map<String, String> results) {
        Log5Bracket bracket = new Log5Bracket(ratings, slots, results);
        Set<String> named = new HashSet<>();
        slots.forEach(slot -> {
            named.add(slot.strongSeed());
            named.add(slot.weakSeed());
        });
        List<Bracket.Slot> finals = slots.stream().filter(slot -> !named.contains(slot.slot())).toList();
        if (finals.size() != 1) {
            throw new IllegalArgumentException("the slots have " + finals.size() + " finals, not one");
        }
        Side whole = bracket.side(finals.get(0).slot(), 0);
        if (whole.members().size() != ratings.size()) {
            throw new IllegalArgumentException("the final is reached by " + whole.members().size() + " of the "
                    + ratings.size() + " seeds");
        }
        return bracket.chances;
    }

    /** Who may come out of one side of a game, and the chance that each does; {@code wins} indexed by seed. */
    private record Side(List<Integer> members, double[] wins) {
    }

    /** A seed, or the slot at {@code depth} below the final whose winner comes through. */
    private Side side(String name, int depth) {
        int seed = seeds.indexOf(name);
        if (seed >= 0) {
            double[] wins = new double[seeds.size()];
            wins[seed] = 1;
            return new Side(List.of(seed), wins);
        }
        Bracket.Slot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException(name + " is neither a seed nor a slot");
        }
        if (depth > slots.size()) {
            throw new IllegalArgumentException("slot " + name + " is part of a cycle of slots");
        }
        Side strong = side(slot.strongSeed(), depth + 1);
        Side weak = side(slot.weakSeed(), depth + 1);
        double[] wins = new double[seeds.size()];
        List<Integer> members = new ArrayList<>(strong.members());
        members.addAll(weak.members());
        String round = TournamentResult.round(depth);
        String winner = results.get(name);
        for (int team : members) {
            if (winner != null) {
                wins[team] = seeds.get(team).equals(winner) ? 1 : 0;
                chances.get(seeds.get(team)).put(round, wins[team]);
                continue;
            }
            Side other = strong.members().contains(team) ? weak : strong;
            double beatsOther = 0;
            for (int opponent : other.members()) {
                beatsOther += other.wins()[opponent] * BacktestScore.log5(ratings[team], ratings[opponent]);
            }
            wins[team] = (strong.wins()[team] + weak.wins()[team]) * beatsOther;
            chances.get(seeds.get(team)).put(round, wins[team]);
        }
        return new Side(members, wins);
    }
}
