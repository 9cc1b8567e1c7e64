package io.tipoff.ratings;

import io.tipoff.model.DefenseProfile;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.OffenseProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every team of a season as of one day, from the season's games up to and including that day and nothing after it,
 * with the league averages of the same games. The method is in docs/MODEL.md ("Ratings from the games"):
 *
 * <ul>
 *   <li><b>Adjusted efficiencies</b> by ridge regression: each team's points per 100 possessions in a game are the
 *       league's efficiency, plus its offense, plus its opponent's defense, plus or minus home court; fitted by
 *       least squares over all games weighted by possessions (and by recency), every team pulled towards average
 *       by {@link RatingMethod#shrinkagePossessions()}. A team's adjusted offense is the league efficiency plus its
 *       offense term: what it would score against an average defense on a neutral court.</li>
 *   <li><b>Adjusted tempo</b> the same way, possessions per 40 minutes as the league's plus both teams' terms.</li>
 *   <li><b>Box-score rates</b> as sums over the games (made over attempted, not a mean of game percentages), each
 *       started from {@link RatingMethod#ratePriorGames()} games of the league average.</li>
 * </ul>
 *
 * @param games          games played up to the day
 * @param homeCourtPer100 the fitted home advantage: points per 100 possessions added to the home offense and taken
 *                       from the visitors' (the margin moves by twice this)
 * @param teams          every team that played up to the day, best adjusted margin first
 */
public record SeasonRatings(int season, int asOfDay, int games, LeagueAverages league, double homeCourtPer100,
                            List<TeamRating> teams) {

    /** Stop iterating when no term moves by more than this (points per 100 possessions). */
    private static final double TOLERANCE = 1e-7;
    private static final int MAX_ITERATIONS = 2_000;

    // The box-score sums kept per team (offense: its own box; defense: its opponents').
    private static final int TWOS_MADE = 0;
    private static final int TWOS = 1;
    private static final int THREES_MADE = 2;
    private static final int THREES = 3;
    private static final int FIELD_GOALS = 4;
    private static final int FREE_THROWS = 5;
    private static final int FREE_THROWS_MADE = 6;
    private static final int TURNOVERS = 7;
    private static final int POSSESSIONS = 8;
    private static final int OFFENSIVE_REBOUNDS = 9;
    private static final int REBOUND_CHANCES = 10;
    private static final int SUMS = 11;

    public SeasonRatings {
        teams = List.copyOf(teams);
    }

    public Optional<TeamRating> team(int teamId) {
        return teams.stream().filter(team -> team.teamId() == teamId).findFirst();
    }

    /**
     * The ratings of {@code season} as of {@code asOfDay}: games of other seasons and games after the day are left
     * out.
     *
     * @throws IllegalArgumentException when no game of the season was played by that day
     */
    public static SeasonRatings of(int season, int asOfDay, Collection<SeasonGame> games, RatingMethod method) {
        List<SeasonGame> played = games.stream().filter(g -> g.season() == season && g.day() <= asOfDay).toList();
        if (played.isEmpty()) {
            throw new IllegalArgumentException("no game of season " + season + " was played by day " + asOfDay);
        }
        Map<Integer, Integer> index = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        for (SeasonGame game : played) {
            for (TeamBox box : List.of(game.winner(), game.loser())) {
                if (index.putIfAbsent(box.teamId(), ids.size()) == null) {
                    ids.add(box.teamId());
                }
            }
        }
        int n = ids.size();
        double[][] offense = new double[n][SUMS];
        double[][] defense = new double[n][SUMS];
        double[] leagueSums = new double[SUMS];
        int[] gamesPlayed = new int[n];
        int[] wins = new int[n];
        double points = 0;
        double possessions = 0;
        double tempoSum = 0;
        for (SeasonGame game : played) {
            int w = index.get(game.winner().teamId());
            int l = index.get(game.loser().teamId());
            add(offense[w], game.winner(), game.loser());
            add(defense[l], game.winner(), game.loser());
            add(offense[l], game.loser(), game.winner());
            add(defense[w], game.loser(), game.winner());
            add(leagueSums, game.winner(), game.loser());
            add(leagueSums, game.loser(), game.winner());
            gamesPlayed[w]++;
            gamesPlayed[l]++;
            wins[w]++;
            points += game.winner().points() + game.loser().points();
            possessions += 2 * game.possessions();
            tempoSum += game.possessions() * 40 / game.minutes();
        }
        double efficiency = 100 * points / possessions;
        double tempo = tempoSum / played.size();
        LeagueAverages league = new LeagueAverages(ratio(leagueSums, TWOS_MADE, TWOS),
                ratio(leagueSums, THREES_MADE, THREES), ratio(leagueSums, THREES, FIELD_GOALS),
                ratio(leagueSums, TURNOVERS, POSSESSIONS), ratio(leagueSums, OFFENSIVE_REBOUNDS, REBOUND_CHANCES),
                ratio(leagueSums, FREE_THROWS, FIELD_GOALS), ratio(leagueSums, FREE_THROWS_MADE, FREE_THROWS),
                tempo, efficiency);

        Efficiencies fitted = Efficiencies.fit(played, index, asOfDay, efficiency, tempo, method);
        // The rate prior: that many games of the league's per-team-game sums.
        double[] prior = new double[SUMS];
        for (int s = 0; s < SUMS; s++) {
            prior[s] = method.ratePriorGames() * leagueSums[s] / (2.0 * played.size());
        }
        List<TeamRating> teams = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double[] o = plus(offense[t], prior);
            double[] d = plus(defense[t], prior);
            teams.add(new TeamRating(ids.get(t), gamesPlayed[t], wins[t], efficiency + fitted.offense()[t],
                    efficiency + fitted.defense()[t], fitted.stdError()[t], tempo + fitted.tempo()[t],
                    new OffenseProfile(ratio(o, TWOS_MADE, TWOS), ratio(o, THREES_MADE, THREES),
                            ratio(o, THREES, FIELD_GOALS), ratio(o, TURNOVERS, POSSESSIONS),
                            ratio(o, OFFENSIVE_REBOUNDS, REBOUND_CHANCES), ratio(o, FREE_THROWS, FIELD_GOALS),
                            ratio(o, FREE_THROWS_MADE, FREE_THROWS)),
                    new DefenseProfile(ratio(d, TWOS_MADE, TWOS), ratio(d, THREES_MADE, THREES),
                            ratio(d, THREES, FIELD_GOALS), ratio(d, TURNOVERS, POSSESSIONS),
                            ratio(d, OFFENSIVE_REBOUNDS, REBOUND_CHANCES), ratio(d, FREE_THROWS, FIELD_GOALS))));
        }
        teams.sort(Comparator.comparingDouble(TeamRating::adjMargin).reversed()
                .thenComparingInt(TeamRating::teamId));
        return new SeasonRatings(season, asOfDay, played.size(), league, fitted.homeCourt(), teams);
    }

    /** Adds one offense's box (against {@code opponent}) to a row of sums. */
    private static void add(double[] sums, TeamBox box, TeamBox opponent) {
        sums[TWOS_MADE] += box.fieldGoalsMade() - box.threesMade();
        sums[TWOS] += box.fieldGoalsAttempted() - box.threesAttempted();
        sums[THREES_MADE] += box.threesMade();
        sums[THREES] += box.threesAttempted();
        sums[FIELD_GOALS] += box.fieldGoalsAttempted();
        sums[FREE_THROWS] += box.freeThrowsAttempted();
        sums[FREE_THROWS_MADE] += box.freeThrowsMade();
        sums[TURNOVERS] += box.turnovers();
        sums[POSSESSIONS] += box.possessions();
        sums[OFFENSIVE_REBOUNDS] += box.offensiveRebounds();
        sums[REBOUND_CHANCES] += box.offensiveRebounds() + opponent.defensiveRebounds();
    }

    private static double[] plus(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** A share from two sums, kept inside [0, 1]; nothing attempted is nothing made. */
    private static double ratio(double[] sums, int part, int whole) {
        return sums[whole] <= 0 ? 0 : Math.min(1, sums[part] / sums[whole]);
    }

    /**
     * The fitted terms, per team index: offense and defense in points per 100 possessions, tempo in possessions per
     * 40 minutes, each relative to the league; and the home court in points per 100 possessions.
     */
    record Efficiencies(double[] offense, double[] defense, double[] tempo, double homeCourt, double[] stdError) {

        static Efficiencies fit(List<SeasonGame> games, Map<Integer, Integer> index, int asOfDay, double efficiency,
                                double tempo, RatingMethod method) {
            int n = index.size();
            int m = games.size();
            // Two observations per game, one per offense: who scored, against whom, how efficiently, where, how much
            // it counts.
            int[] off = new int[2 * m];
            int[] def = new int[2 * m];
            double[] y = new double[2 * m];
            double[] weight = new double[2 * m];
            double[] home = new double[2 * m];
            double[] pace = new double[m];
            for (int g = 0; g < m; g++) {
                SeasonGame game = games.get(g);
                int w = index.get(game.winner().teamId());
                int l = index.get(game.loser().teamId());
                double possessions = game.possessions();
                double winner = 100 * game.winner().points() / possessions;
                double loser = 100 * game.loser().points() / possessions;
                if (winner - loser > method.blowoutCap()) {
                    double middle = (winner + loser) / 2;
                    winner = middle + method.blowoutCap() / 2;
                    loser = middle - method.blowoutCap() / 2;
                }
                double recency = Double.isInfinite(method.halfLifeDays()) ? 1
                        : Math.pow(0.5, (asOfDay - game.day()) / method.halfLifeDays());
                double side = switch (game.winnerLocation()) {
                    case 'H' -> 1;
                    case 'A' -> -1;
                    default -> 0;
                };
                off[2 * g] = w;
                def[2 * g] = l;
                y[2 * g] = winner - efficiency;
                home[2 * g] = side;
                off[2 * g + 1] = l;
                def[2 * g + 1] = w;
                y[2 * g + 1] = loser - efficiency;
                home[2 * g + 1] = -side;
                weight[2 * g] = weight[2 * g + 1] = possessions * recency;
                pace[g] = possessions * 40 / game.minutes() - tempo;
            }
            double lambda = method.shrinkagePossessions();
            double[] o = new double[n];
            double[] d = new double[n];
            double h = 0;
            double[] num = new double[n];
            double[] den = new double[n];
            // Block coordinate descent: every offense given the defenses and home court, every defense given the
            // offenses, then home court; each step minimises the penalised squared error exactly, so it converges.
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double moved = fitSide(off, def, o, d, y, weight, home, h, lambda, num, den);
                moved = Math.max(moved, fitSide(def, off, d, o, y, weight, home, h, lambda, num, den));
                double homeNum = 0;
                double homeDen = 0;
                for (int i = 0; i < y.length; i++) {
                    homeNum += weight[i] * home[i] * (y[i] - o[off[i]] - d[def[i]]);
                    homeDen += weight[i] * home[i] * home[i];
                }
                double nextHome = homeDen > 0 ? homeNum / homeDen : 0;
                moved = Math.max(moved, Math.abs(nextHome - h));
                h = nextHome;
                if (moved < TOLERANCE) {
                    break;
                }
            }
            return new Efficiencies(o, d, fitTempo(games, index, pace, weight, lambda), h,
                    stdErrors(off, def, y, weight, home, o, d, h, lambda, n));
        }

        /**
         * One block of the descent: every team's term on one side ({@code side[i]} is observation i's offense, or its
         * defense) set to its penalised least-squares value given the other side's terms and home court. Returns the
         * largest move.
         */
        private static double fitSide(int[] side, int[] other, double[] terms, double[] otherTerms, double[] y,
                                      double[] weight, double[] home, double h, double lambda, double[] num,
                                      double[] den) {
            java.util.Arrays.fill(num, 0);
            java.util.Arrays.fill(den, lambda);
            for (int i = 0; i < y.length; i++) {
                num[side[i]] += weight[i] * (y[i] - otherTerms[other[i]] - h * home[i]);
                den[side[i]] += weight[i];
            }
            double moved = 0;
            for (int t = 0; t < terms.length; t++) {
                double next = den[t] > 0 ? num[t] / den[t] : 0;
                moved = Math.max(moved, Math.abs(next - terms[t]));
                terms[t] = next;
            }
            return moved;
        }

        /**
         * Each team's standard error of its offense and of its defense term: how far the fit may be from the team's
         * true strength. A game's efficiency varies around the model by the residual variance per possession (each
         * observation weighs its possessions), estimated from the residuals with the fitted terms' degrees of
         * freedom taken off; a term's variance is that over the possessions (and ridge prior) it was fitted on.
         */
        private static double[] stdErrors(int[] off, int[] def, double[] y, double[] weight, double[] home,
                                          double[] o, double[] d, double h, double lambda, int n) {
            double squares = 0;
            double[] possessions = new double[n];
            for (int i = 0; i < y.length; i++) {
                double residual = y[i] - o[off[i]] - d[def[i]] - h * home[i];
                squares += weight[i] * residual * residual;
                possessions[off[i]] += weight[i];
            }
            double perPossession = squares / Math.max(1, y.length - 2 * n - 1);
            double[] stdError = new double[n];
            for (int t = 0; t < n; t++) {
                stdError[t] = Math.sqrt(perPossession / (possessions[t] + Math.max(lambda, 1e-9)));
            }
            return stdError;
        }

        /** Each game's pace (per 40 minutes, relative to the league) as the sum of both teams' terms, Gauss–Seidel. */
        private static double[] fitTempo(List<SeasonGame> games, Map<Integer, Integer> index, double[] pace,
                                         double[] weight, double lambda) {
            int n = index.size();
            int[] w = new int[games.size()];
            int[] l = new int[games.size()];
            for (int g = 0; g < games.size(); g++) {
                w[g] = index.get(games.get(g).winner().teamId());
                l[g] = index.get(games.get(g).loser().teamId());
            }
            double[] t = new double[n];
            double[] num = new double[n];
            double[] den = new double[n];
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                java.util.Arrays.fill(num, 0);
                java.util.Arrays.fill(den, lambda);
                for (int g = 0; g < pace.length; g++) {
                    double gw = weight[2 * g];
                    num[w[g]] += gw * (pace[g] - t[l[g]]);
                    den[w[g]] += gw;
                    num[l[g]] += gw * (pace[g] - t[w[g]]);
                    den[l[g]] += gw;
                }
                double moved = 0;
                for (int i = 0; i < n; i++) {
                    // Half a step: a Jacobi step on a sum of two terms would overshoot back and forth.
                    double next = (t[i] + (den[i] > 0 ? num[i] / den[i] : 0)) / 2;
                    moved = Math.max(moved, Math.abs(next - t[i]));
                    t[i] = next;
                }
                if (moved < TOLERANCE) {
                    break;
                }
            }
            return t;
        }
    }
}
