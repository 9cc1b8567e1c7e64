package io.tipoff.pool;

import io.tipoff.engine.TournamentResult;
import io.tipoff.model.BracketShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a finished pool job answers: the entry with the best chance to win the pool ({@code bracket}: every slot, the
 * First Four's included, → the seed picked to win it), its chance to finish first (a tie shared with k others counts
 * 1 / (k + 1)), its expected score and the distribution of its finishing place; the same for the two baselines, chalk
 * and the favourites; each pick of the entry beside the model's chance and the public's share; and every candidate
 * compared.
 *
 * @param publicPicks  {@code imported} (the season's public picks) or {@code model} (no picks: the rule of
 *                     {@link PublicField#withoutPicks})
 * @param places       {@code places[p − 1]}: the chance of finishing p-th (1 + the opponents who scored more)
 * @param fieldScore   an opponent's expected score
 */
public record PoolResult(long simulations, int entrants, List<Integer> scoring, String publicPicks, String entry,
                         Map<String, String> bracket, double winProbability, double winProbabilityStdError,
                         double expectedScore, double meanPlace, List<Double> places, Map<String, Entry> baselines,
                         List<Pick> picks, List<Compared> candidates, double fieldScore) {

    /** A baseline entry with the same figures as the chosen one. */
    public record Entry(String entry, Map<String, String> bracket, double winProbability,
                        double winProbabilityStdError, double expectedScore, double meanPlace, List<Double> places) {
    }

    /**
     * One pick of the chosen entry.
     *
     * @param round            the round its winner reaches ({@code R64} for a First Four game, … {@code CHAMP})
     * @param chance           the simulated chance that the picked team wins this game
     * @param publicShare      the share of opponents who picked it to win this game
     * @param publicFavorite   the seed most opponents picked to win this game, and its share
     * @param contrarian       whether the pick differs from the public's favourite in a scored game
     */
    public record Pick(String slot, String round, String seed, String name, double chance, double publicShare,
                       String publicFavorite, String publicFavoriteName, double publicFavoriteShare,
                       boolean contrarian) {
    }

    public record Compared(String entry, double winProbability, double expectedScore) {
    }

    public static PoolResult of(BracketShape shape, List<String> names, PoolSpec pool, PoolAggregate total) {
        long n = total.tournaments();
        if (n == 0) {
            throw new IllegalArgumentException("no tournaments were simulated");
        }
        int candidates = total.labels().size();
        Comparator<Integer> best = Comparator.comparingDouble((Integer c) -> -total.winShare(c))
                .thenComparingDouble(c -> -total.scoreSums()[c]).thenComparing(c -> c);
        List<Integer> ranked = IntStream.range(0, candidates).boxed().sorted(best).toList();
        int chosen = ranked.get(0);
        Entry entry = entry(shape, total, chosen);
        Map<String, Entry> baselines = new LinkedHashMap<>();
        for (String baseline : List.of("chalk", "favorites")) {
            baselines.put(baseline, entry(shape, total, total.labels().indexOf(baseline)));
        }
        List<Compared> compared = ranked.stream().map(c -> new Compared(total.labels().get(c), total.winShare(c),
                (double) total.scoreSums()[c] / n)).toList();
        return new PoolResult(n, total.entrants(), pool.scoring(), pool.picks() == null ? "model" : "imported",
                entry.entry(), entry.bracket(), entry.winProbability(), entry.winProbabilityStdError(),
                entry.expectedScore(), entry.meanPlace(), entry.places(), baselines,
                picks(shape, names, total, total.picks()[chosen]), compared,
                (double) total.fieldScores() / n / (total.entrants() - 1));
    }

    private static Entry entry(BracketShape shape, PoolAggregate total, int c) {
        long n = total.tournaments();
        Map<String, String> bracket = new LinkedHashMap<>();
        int[] picks = total.picks()[c];
        for (int g = 0; g < shape.games(); g++) {
            bracket.put(shape.slots().get(g), shape.seeds().get(picks[g]));
        }
        double p = total.winShare(c);
        List<Double> places = new ArrayList<>();
        double meanPlace = 0;
        long[] counts = total.places()[c];
        for (int i = 0; i < counts.length; i++) {
            places.add((double) counts[i] / n);
            meanPlace += (i + 1.0) * counts[i] / n;
        }
        return new Entry(total.labels().get(c), bracket, p, Math.sqrt(p * (1 - p) / n),
                (double) total.scoreSums()[c] / n, meanPlace, places);
    }

    private static List<Pick> picks(BracketShape shape, List<String> names, PoolAggregate total, int[] picks) {
        int teams = shape.teams();
        int rounds = shape.rounds();
        int main = shape.mainRounds();
        boolean[][] under = shape.teamsUnder();
        double[] shares = total.shares();
        List<Pick> list = new ArrayList<>();
        for (int g = 0; g < shape.games(); g++) {
            int d = shape.depth()[g];
            int team = picks[g];
            int favorite = team;
            for (int t = 0; t < teams; t++) {
                if (under[g][t] && shares[t * rounds + d] > shares[favorite * rounds + d]) {
                    favorite = t;
                }
            }
            list.add(new Pick(shape.slots().get(g), TournamentResult.round(d), shape.seeds().get(team),
                    names.get(team), (double) total.slotWins()[g * teams + team] / total.tournaments(),
                    shares[team * rounds + d], shape.seeds().get(favorite), names.get(favorite),
                    shares[favorite * rounds + d], d < main && favorite != team));
        }
        return list;
    }
}
