package io.tipoff.engine;

import io.tipoff.model.Bracket;
import io.tipoff.model.BracketResults;
import io.tipoff.model.BracketShape;
import io.tipoff.model.GameState;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Tournament;
import io.tipoff.model.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bracket ready to be played many times. Its games are put in an order where both sides of a game are decided
 * before it (play-ins first, the final last); each game is a full possession-level game at a neutral site, the winner
 * of the slot's strong side playing as team A.
 *
 * <p>Game {@code g} of tournament {@code t} draws from random stream {@code t × games + g}, so a tournament plays the
 * same whichever chunk or thread plays it. A game already decided is not played (its winner goes on, and the other
 * games keep their streams); a game in progress is played from its state. The matchup model of a pair of teams is
 * built the first time the pair meets and then shared by every thread (building one costs about a thousand games).
 */
public final class TournamentModel implements Simulation<TournamentAggregate> {

    final List<String> seeds;
    final List<String> names;
    /** Per game in playing order: its slot, its depth below the final (0 = the final) and its two sides. */
    final List<String> slots;
    final int[] depth;
    /** A side is a team index (≥ 0) or the game whose winner comes through, as {@code ~game} (< 0). */
    final int[] strongSide;
    final int[] weakSide;
    final int rounds;
    private final BracketShape shape;
    private final List<TeamProfile> profiles;
    private final SimulationSettings settings;
    private final AtomicReferenceArray<MatchupModel> pairs;
    /** Per game: the team that won it, for a game already decided; −1 for one to play. */
    final int[] decided;
    /** Per game: the model of a game in progress, played from its state; null for the others. */
    private final MatchupModel[] inProgress;

    private TournamentModel(Bracket bracket, SimulationSettings settings, Map<String, String> results,
                            Map<String, GameState> states) {
        this.settings = settings;
        List<TeamProfile> profileList = new ArrayList<>();
        List<String> nameList = new ArrayList<>();
        for (Bracket.Seeded entry : bracket.teams()) {
            nameList.add(entry.team().name());
            profileList.add(entry.team());
        }
        this.shape = BracketShape.of(bracket);
        this.seeds = shape.seeds();
        this.slots = shape.slots();
        this.depth = shape.depth();
        this.strongSide = shape.strong();
        this.weakSide = shape.weak();
        this.rounds = shape.rounds();
        this.names = List.copyOf(nameList);
        this.profiles = List.copyOf(profileList);
        this.pairs = new AtomicReferenceArray<>(profiles.size() * profiles.size());
        Map<String, String> known = BracketResults.decided(bracket, results);
        BracketResults.checkInProgress(bracket, known, states.keySet());
        Map<String, Integer> teamIndex = new HashMap<>();
        for (int t = 0; t < seeds.size(); t++) {
            teamIndex.put(seeds.get(t), t);
        }
        Map<String, Bracket.Slot> byName = new HashMap<>();
        bracket.slots().forEach(slot -> byName.put(slot.slot(), slot));
        int games = slots.size();
        this.decided = new int[games];
        this.inProgress = new MatchupModel[games];
        for (int g = 0; g < games; g++) {
            String winner = known.get(slots.get(g));
            decided[g] = winner == null ? -1 : teamIndex.get(winner);
            GameState state = states.get(slots.get(g));
            if (state != null) {
                Bracket.Slot slot = byName.get(slots.get(g));
                int a = teamIndex.get(BracketResults.team(slot.strongSeed(), teamIndex, known));
                int b = teamIndex.get(BracketResults.team(slot.weakSeed(), teamIndex, known));
                inProgress[g] = MatchupModel.of(new Matchup(profiles.get(a), profiles.get(b), Venue.NEUTRAL, state),
                        settings);
            }
        }
    }

    /** A bracket before its first game. */
    public static TournamentModel of(Bracket bracket, SimulationSettings settings) {
        return new TournamentModel(bracket, settings, Map.of(), Map.of());
    }

    /** A bracket with what is known of it: its decided games and those in progress. */
    public static TournamentModel of(Tournament tournament, SimulationSettings settings) {
        return new TournamentModel(tournament.bracket(), settings, tournament.results(), tournament.inProgress());
    }

    /** The bracket's games in playing order (the order of {@link #play}'s winners). */
    public BracketShape shape() {
        return shape;
    }

    /** Per game in playing order: the team (index) that won it, for a game already decided; −1 for one to play. */
    public int[] decided() {
        return decided.clone();
    }

    public int teams() {
        return profiles.size();
    }

    public int games() {
        return slots.size();
    }

    /** The model of team {@code a} (as team A) against team {@code b}, built the first time they meet. */
    MatchupModel pair(int a, int b) {
        int key = a * profiles.size() + b;
        MatchupModel model = pairs.get(key);
        if (model == null) {
            // Two threads may build the same pair at once; both build identical models and either may be kept.
            model = MatchupModel.of(new Matchup(profiles.get(a), profiles.get(b), Venue.NEUTRAL), settings);
            pairs.compareAndSet(key, null, model);
        }
        return model;
    }

    /** Plays tournaments {@code first … first + count − 1} of the job seeded with {@code seed}. */
    @Override
    public TournamentAggregate simulate(long seed, long first, long count) {
        TournamentAggregate.Builder aggregate = new TournamentAggregate.Builder(teams(), games(), rounds);
        play(seed, first, count, (tournament, winners) -> aggregate.add(winners, depth));
        return aggregate.build();
    }

    /** What is done with each tournament played: its index and the winner (team index) of each game, playing order. */
    public interface Outcome {
        /** {@code winners} is reused for the next tournament: copy what must be kept. */
        void accept(long tournament, int[] winners);
    }

    /**
     * Plays tournaments {@code first … first + count − 1} of the job seeded with {@code seed}, handing each one's
     * winners to {@code each}: the games {@link #simulate} counts, for other tallies (a bracket pool's).
     */
    public void play(long seed, long first, long count, Outcome each) {
        int games = games();
        GameSimulator simulator = new GameSimulator(seed);
        int[] winners = new int[games];
        for (long t = first; t < first + count; t++) {
            for (int g = 0; g < games; g++) {
                if (decided[g] >= 0) {
                    winners[g] = decided[g];
                    continue;
                }
                int a = strongSide[g] >= 0 ? strongSide[g] : winners[~strongSide[g]];
                int b = weakSide[g] >= 0 ? weakSide[g] : winners[~weakSide[g]];
                MatchupModel model = inProgress[g] != null ? inProgress[g] : pair(a, b);
                winners[g] = simulator.teamAWins(model, t * games + g) ? a : b;
            }
            each.accept(t, winners);
        }
    }


    @Override
    public TournamentAggregate merge(TournamentAggregate one, TournamentAggregate other) {
        return one.merge(other);
    }

    @Override
    public TournamentAggregate mergeAll(List<TournamentAggregate> parts) {
        return TournamentAggregate.sum(parts);
    }

    @Override
    public Class<TournamentAggregate> aggregateType() {
        return TournamentAggregate.class;
    }

    @Override
    public TournamentResult result(TournamentAggregate total) {
        return TournamentResult.of(this, total);
    }

    /** Every team-round: how often each team reached each round. */
    @Override
    public Tally tally(TournamentAggregate aggregate) {
        return new Tally(aggregate.tournaments(), aggregate.reached());
    }

    @Override
    public int gamesPerSimulation() {
        return games();
    }
}
