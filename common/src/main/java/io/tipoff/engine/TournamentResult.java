package io.tipoff.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished tournament job answers: for each team the chance to win each of its games (round keys as in public
 * forecasts: {@code R64} for a First Four game, then {@code R32}, {@code S16}, {@code E8}, {@code F4}, {@code NCG},
 * {@code CHAMP}), the most frequent champions and final fours, and who wins each slot. Standard errors are the
 * binomial ones of the simulated share.
 */
public record TournamentResult(long simulations, List<Team> teams, List<Share> champions, List<FinalFour> finalFours,
                               List<Slot> slots) {

    /** How many champions and final-four sets are listed. */
    static final int TOP = 10;

    public record Probability(double p, double stdError) {

        static Probability of(long count, long total) {
            double p = (double) count / total;
            return new Probability(p, Math.sqrt(p * (1 - p) / total));
        }
    }

    /** @param rounds from the team's first game to the title, keyed by the round its win reaches */
    public record Team(String seed, String name, Map<String, Probability> rounds) {
    }

    public record Share(String seed, String name, double probability) {
    }

    public record FinalFour(List<String> seeds, List<String> names, double probability) {
    }

    /** @param round the round its winner reaches; {@code winners} most likely first, only teams that ever won it */
    public record Slot(String slot, String round, List<Share> winners) {
    }

    /** The name of the round that a win at {@code depth} below the final reaches: the round of 2^depth teams. */
    public static String round(int depth) {
        return switch (depth) {
            case 0 -> "CHAMP";
            case 1 -> "NCG";
            case 2 -> "F4";
            case 3 -> "E8";
            case 4 -> "S16";
            default -> "R" + (1L << depth);
        };
    }

    public static TournamentResult of(TournamentModel model, TournamentAggregate aggregate) {
        long total = aggregate.tournaments();
        if (total == 0) {
            throw new IllegalArgumentException("no tournaments were simulated");
        }
        int teams = model.teams();
        int rounds = aggregate.rounds();
        // Each team's first game: the deepest game it plays in.
        int[] firstDepth = new int[teams];
        for (int g = 0; g < model.games(); g++) {
            for (int side : new int[] {model.strongSide[g], model.weakSide[g]}) {
                if (side >= 0) {
                    firstDepth[side] = model.depth[g];
                }
            }
        }
        List<Team> teamList = new ArrayList<>(teams);
        for (int t = 0; t < teams; t++) {
            Map<String, Probability> byRound = new LinkedHashMap<>();
            for (int d = firstDepth[t]; d >= 0; d--) {
                byRound.put(round(d), Probability.of(aggregate.reached()[t * rounds + d], total));
            }
            teamList.add(new Team(model.seeds.get(t), model.names.get(t), byRound));
        }

        List<Share> champions = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            long titles = aggregate.reached()[t * rounds];
            if (titles > 0) {
                champions.add(share(model, t, titles, total));
            }
        }
        champions.sort(MOST_LIKELY);

        List<FinalFour> finalFours = aggregate.finalFours().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> {
                    int[] members = Arrays.stream(e.getKey().split(",")).mapToInt(Integer::parseInt).toArray();
                    return new FinalFour(Arrays.stream(members).mapToObj(model.seeds::get).toList(),
                            Arrays.stream(members).mapToObj(model.names::get).toList(),
                            (double) e.getValue() / total);
                })
                .toList();

        List<Slot> slots = new ArrayList<>();
        for (int g = 0; g < model.games(); g++) {
            List<Share> winners = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                long wins = aggregate.slotWins()[g * teams + t];
                if (wins > 0) {
                    winners.add(share(model, t, wins, total));
                }
            }
            winners.sort(MOST_LIKELY);
            slots.add(new Slot(model.slots.get(g), round(model.depth[g]), winners));
        }
        List<Share> topChampions = List.copyOf(champions.subList(0, Math.min(TOP, champions.size())));
        return new TournamentResult(total, teamList, topChampions, finalFours, slots);
    }

    private static final Comparator<Share> MOST_LIKELY =
            Comparator.comparingDouble(Share::probability).reversed().thenComparing(Share::seed);

    private static Share share(TournamentModel model, int team, long count, long total) {
        return new Share(model.seeds.get(team), model.names.get(team), (double) count / total);
    }
}
