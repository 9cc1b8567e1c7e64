package io.tipoff.pool;

import io.tipoff.engine.GameRandom;
import io.tipoff.engine.Simulation;
import io.tipoff.engine.Tally;
import io.tipoff.engine.TournamentAggregate;
import io.tipoff.engine.TournamentModel;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketShape;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Tournament;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A bracket pool ready to be played many times. Each simulation is one tournament, every game a full game as in a
 * TOURNAMENT job (the same random streams), and one field of {@code entrants − 1} opponents drawn from the public's
 * picks ({@link PublicField}) on a stream of its own ({@code seed ^ FIELD_STREAM}, indexed by the tournament). Every
 * candidate entry ({@link Candidates}) is scored against the tournament and placed among the field's scores; the
 * counts ({@link PoolAggregate}) merge exactly, so the result is the same whatever the chunks, threads or workers.
 *
 * <p>The candidates must be the same in every chunk: they come from a pilot of {@link PoolSpec#pilot()} tournaments
 * played on streams of their own ({@code seed ^ PILOT_STREAM}) and from the public's picks, both fixed by the job.
 * A worker plays the pilot once per job (the model is cached between chunks).
 *
 * <p>A pool that locks after some games (the tournament's {@code results}) plays them as decided in every tournament,
 * the pilot's included; the field and every candidate pick their winners, so the pool is won on the games still open.
 */
public final class PoolModel implements Simulation<PoolAggregate> {

    static final long FIELD_STREAM = 0x6A09E667F3BCC909L;
    static final long PILOT_STREAM = 0xBB67AE8584CAA73BL;
    static final int PILOT_PARTS = 16;

    private final TournamentModel tournament;
    private final BracketShape shape;
    private final PoolSpec pool;
    private final List<String> names;
    private final int[] seedNumbers;
    private final double[] ratings;
    private final int[] points;
    private final int[] decided;
    private Prepared prepared;

    /** What the pilot decides for a seed: the field's rule and the candidate entries. */
    private record Prepared(long seed, PublicField field, List<Candidates.Candidate> candidates, double[] shares) {
    }

    private PoolModel(Tournament known, PoolSpec pool, SimulationSettings settings) {
        Bracket bracket = known.bracket();
        this.tournament = TournamentModel.of(known, settings);
        this.decided = tournament.decided();
        this.shape = tournament.shape();
        if (pool.scoring().size() != shape.mainRounds()) {
            throw new IllegalArgumentException("scoring has " + pool.scoring().size() + " rounds, the bracket "
                    + shape.mainRounds());
        }
        this.pool = pool;
        this.names = bracket.teams().stream().map(s -> s.team().name()).toList();
        this.seedNumbers = bracket.teams().stream().mapToInt(s -> seedNumber(s.seed())).toArray();
        this.ratings = bracket.teams().stream().mapToDouble(s -> rating(s.team())).toArray();
        this.points = Scoring.points(shape, pool.scoring());
    }

    /** A pool on a bracket before its first game. */
    public static PoolModel of(Bracket bracket, PoolSpec pool, SimulationSettings settings) {
        return of(new Tournament(null, bracket), pool, settings);
    }

    /** A pool that locks after the tournament's decided games ({@link Tournament#results()}). */
    public static PoolModel of(Tournament tournament, PoolSpec pool, SimulationSettings settings) {
        return new PoolModel(tournament, pool, settings);
    }

    /** The number in a seed label: W01 → 1, W16a → 16; 0 when it has none. */
    static int seedNumber(String seed) {
        String digits = seed.replaceAll("[^0-9]", "");
        return digits.isEmpty() || digits.length() > 4 ? 0 : Integer.parseInt(digits);
    }

    /** Adjusted efficiency margin, or 0 without adjusted efficiencies (chalk's tie-break only). */
    private static double rating(TeamProfile team) {
        return team.adjOffense() == null ? 0 : team.adjOffense() - team.adjDefense();
    }

    /** The pilot's chances, the field and the candidates of a job seeded with {@code seed}: the same every time. */
    private synchronized Prepared prepare(long seed) {
        if (prepared == null || prepared.seed() != seed) {
            double[] chance = pilotChances(seed);
            PublicField field = (pool.picks() == null ? PublicField.withoutPicks(shape, chance)
                    : PublicField.withPicks(shape, pool.picks())).withResults(decided);
            double[] shares = field.shares();
            prepared = new Prepared(seed, field, Candidates.of(shape, chance, shares, pool.entrants(), seedNumbers,
                    ratings, decided), shares);
        }
        return prepared;
    }

    /**
     * {@code [t × rounds + depth]}: the pilot's share of tournaments in which team t won its game at that depth. The
     * pilot is cut into {@link #PILOT_PARTS} ranges played on the common pool (the chunk's other threads wait for it);
     * its counts add up exactly, so the split changes nothing.
     */
    private double[] pilotChances(long seed) {
        long n = pool.pilot();
        TournamentAggregate pilot = TournamentAggregate.sum(IntStream.range(0, PILOT_PARTS).parallel()
                .mapToObj(i -> tournament.simulate(seed ^ PILOT_STREAM, n * i / PILOT_PARTS,
                        n * (i + 1) / PILOT_PARTS - n * i / PILOT_PARTS))
                .toList());
        long[] reached = pilot.reached();
        double[] chance = new double[reached.length];
        for (int i = 0; i < reached.length; i++) {
            chance[i] = (double) reached[i] / pilot.tournaments();
        }
        return chance;
    }

    @Override
    public PoolAggregate simulate(long seed, long first, long count) {
        Prepared prep = prepare(seed);
        int candidates = prep.candidates().size();
        int opponents = pool.entrants() - 1;
        int games = shape.games();
        int teams = shape.teams();
        int[][] entries = prep.candidates().stream().map(Candidates.Candidate::picks).toArray(int[][]::new);
        long[] scoreSums = new long[candidates];
        long[][] places = new long[candidates][pool.entrants()];
        long[][] ties = new long[candidates][pool.entrants()];
        long[] slotWins = new long[games * teams];
        long[] fieldScores = new long[1];
        int[] field = new int[opponents];
        int[] picks = new int[games];
        GameRandom random = new GameRandom();
        long fieldSeed = seed ^ FIELD_STREAM;
        tournament.play(seed, first, count, (t, winners) -> {
            random.startGame(fieldSeed, t);
            long sum = 0;
            for (int i = 0; i < opponents; i++) {
                field[i] = prep.field().drawAndScore(random, picks, winners, points);
                sum += field[i];
            }
            fieldScores[0] += sum;
            Arrays.sort(field);
            for (int c = 0; c < candidates; c++) {
                int score = Scoring.score(entries[c], winners, points);
                int notAbove = upperBound(field, score);
                int above = opponents - notAbove;
                places[c][above]++;
                if (above == 0) {
                    ties[c][notAbove - lowerBound(field, score)]++;
                }
                scoreSums[c] += score;
            }
            for (int g = 0; g < games; g++) {
                slotWins[g * teams + winners[g]]++;
            }
        });
        return new PoolAggregate(count, pool.entrants(), prep.candidates().stream().map(Candidates.Candidate::label)
                .toList(), entries, prep.shares(), scoreSums, places, ties, slotWins, fieldScores[0]);
    }

    /** How many of the sorted scores are at most {@code score}. */
    static int upperBound(int[] sorted, int score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** How many of the sorted scores are below {@code score}. */
    static int lowerBound(int[] sorted, int score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public PoolAggregate merge(PoolAggregate one, PoolAggregate other) {
        return one.merge(other);
    }

    @Override
    public PoolAggregate mergeAll(List<PoolAggregate> parts) {
        return PoolAggregate.sum(parts);
    }

    @Override
    public Class<PoolAggregate> aggregateType() {
        return PoolAggregate.class;
    }

    @Override
    public PoolResult result(PoolAggregate total) {
        return PoolResult.of(shape, names, pool, total);
    }

    /** Each candidate's first places (a tie counted whole): the figures a precision target watches. */
    @Override
    public Tally tally(PoolAggregate aggregate) {
        return new Tally(aggregate.tournaments(), Arrays.stream(aggregate.places()).mapToLong(p -> p[0]).toArray());
    }

    @Override
    public int gamesPerSimulation() {
        return shape.games();
    }
}
