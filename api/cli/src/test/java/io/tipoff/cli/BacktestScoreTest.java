package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.cli.BacktestScore.Bin;
import io.tipoff.cli.BacktestScore.Game;
import io.tipoff.cli.BacktestScore.Outcome;
import io.tipoff.cli.BacktestScore.Probabilities;
import io.tipoff.cli.BacktestScore.Simulated;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestScoreTest {

    /**
     * Four games, team A's chance and what happened:
     * <pre>
     *   Tipoff P  log5 P  result               sim. margin (mean, sd)  sim. total  sim. OT
     *   0.8       0.9     A won 75-65           +4, 10                  142         0.04
     *   0.6       0.5     A lost 63-67          +4, 12                  139         0.05
     *   0.3       0.2     A lost 72-79          -3, 11                  138         0.03
     *   0.5       0.6     A won 71-69 in OT      0,  9                  145         0.08
     * </pre>
     */
    static final List<Game> GAMES = List.of(
            new Game(new Outcome(true, 10, 140, false), new Simulated(10_000, 0.8, 4, 10, 142, 0.04), 0.9),
            new Game(new Outcome(false, -4, 130, false), new Simulated(10_000, 0.6, 4, 12, 139, 0.05), 0.5),
            new Game(new Outcome(false, -7, 151, false), new Simulated(10_000, 0.3, -3, 11, 138, 0.03), 0.2),
            new Game(new Outcome(true, 2, 140, true), new Simulated(10_000, 0.5, 0, 9, 145, 0.08), 0.6));

    @Test
    void probabilitiesAreScoredAsByHand() {
        BacktestScore score = BacktestScore.of(GAMES);
        assertThat(score.games()).isEqualTo(4);
        // (0.2² + 0.6² + 0.3² + 0.5²) / 4 = 0.74 / 4
        assertThat(score.tipoff().brier()).isCloseTo(0.185, offset(1e-12));
        // −(ln 0.8 + ln 0.4 + ln 0.7 + ln 0.5) / 4 = (0.2231436 + 0.9162907 + 0.3566749 + 0.6931472) / 4
        assertThat(score.tipoff().logLoss()).isCloseTo(0.5473141, offset(1e-7));
        // right, wrong (0.6 picks A), right (0.3 picks B), a toss-up counts half: 2.5 of 4
        assertThat(score.tipoff().accuracy()).isEqualTo(0.625);
        // (0.1² + 0.5² + 0.2² + 0.4²) / 4 = 0.46 / 4; picks: right, half, right, right
        assertThat(score.log5().brier()).isCloseTo(0.115, offset(1e-12));
        assertThat(score.log5().logLoss()).isCloseTo(
                -(Math.log(0.9) + Math.log(0.5) + Math.log(0.8) + Math.log(0.6)) / 4, offset(1e-12));
        assertThat(score.log5().accuracy()).isEqualTo(0.875);
    }

    @Test
    void theBrierScoresSimulationErrorIsWhatEachGamesShareOfWinsVariesBy() {
        // 4 (p − outcome)² p (1 − p) / N: 4 × (0.04 × 0.16 + 0.36 × 0.24 + 0.09 × 0.21 + 0.25 × 0.25) / 10,000
        double error = Math.sqrt(4 * 0.1742 / 10_000) / 4;
        assertThat(BacktestScore.of(GAMES).brierSimulationError()).isCloseTo(error, offset(1e-12));
        // Four times the games per matchup, half the error.
        List<Game> more = GAMES.stream().map(g -> new Game(g.outcome(), new Simulated(40_000,
                g.simulated().winProbability(), 0, 10, 140, 0.05), g.log5())).toList();
        assertThat(BacktestScore.of(more).brierSimulationError()).isCloseTo(error / 2, offset(1e-12));
    }

    @Test
    void calibrationGroupsGamesByDecileOfTheProbability() {
        List<Bin> bins = BacktestScore.of(GAMES).tipoff().calibration();
        assertThat(bins).hasSize(10);
        assertThat(bins.get(3)).isEqualTo(new Bin(0.3, 0.4, 1, 0.3, 0.0));
        assertThat(bins.get(5)).isEqualTo(new Bin(0.5, 0.6, 1, 0.5, 1.0));
        assertThat(bins.get(6)).isEqualTo(new Bin(0.6, 0.7, 1, 0.6, 0.0));
        assertThat(bins.get(8)).isEqualTo(new Bin(0.8, 0.9, 1, 0.8, 1.0));
        assertThat(bins.get(0).games()).isZero();
        assertThat(bins.get(0).meanPredicted()).isNaN();
        assertThat(bins.get(0).observed()).isNaN();
        assertThat(bins.stream().mapToInt(Bin::games).sum()).isEqualTo(4);

        List<Bin> mixed = BacktestScore.of(List.of(game(0.0, true), game(1.0, true), game(0.95, false),
                game(0.99, true), game(0.1, false))).tipoff().calibration();
        assertThat(mixed.get(0).games()).isEqualTo(1);
        assertThat(mixed.get(1).games()).isEqualTo(1);
        assertThat(mixed.get(9)).satisfies(bin -> {
            assertThat(bin.games()).isEqualTo(3);
            assertThat(bin.meanPredicted()).isCloseTo((1.0 + 0.95 + 0.99) / 3, offset(1e-12));
            assertThat(bin.observed()).isCloseTo(2.0 / 3, offset(1e-12));
        });
    }

    @Test
    void marginsPointsAndOvertimeAreComparedWithTheRealGames() {
        BacktestScore score = BacktestScore.of(GAMES);
        // actual − simulated mean: 6, −8, −4, 2; √((36 + 64 + 16 + 4) / 4) = √30
        assertThat(score.marginSpread().actual()).isCloseTo(Math.sqrt(30), offset(1e-12));
        // √((10² + 12² + 11² + 9²) / 4) = √111.5
        assertThat(score.marginSpread().simulated()).isCloseTo(Math.sqrt(111.5), offset(1e-12));
        assertThat(score.totalPoints().simulated()).isCloseTo(141, offset(1e-12));
        assertThat(score.totalPoints().actual()).isCloseTo(140.25, offset(1e-12));
        assertThat(score.overtimeShare().simulated()).isCloseTo(0.05, offset(1e-12));
        assertThat(score.overtimeShare().actual()).isEqualTo(0.25);
    }

    @Test
    void aCertainMissCostsTheClippedLogLossNotInfinity() {
        Probabilities certainMiss = BacktestScore.of(List.of(game(0.0, true))).tipoff();
        assertThat(certainMiss.brier()).isEqualTo(1.0);
        assertThat(certainMiss.logLoss()).isCloseTo(-Math.log(1e-15), offset(1e-9)).isCloseTo(34.54, offset(0.01));
        assertThat(certainMiss.accuracy()).isZero();
        assertThat(BacktestScore.of(List.of(game(1.0, true))).tipoff().logLoss()).isCloseTo(0, offset(1e-14));
    }

    @Test
    void log5IsTheChanceThatOneRatingBeatsTheOther() {
        // 0.9 × 0.4 / (0.9 × 0.4 + 0.6 × 0.1) = 0.36 / 0.42
        assertThat(BacktestScore.log5(0.9, 0.6)).isCloseTo(6.0 / 7, offset(1e-12));
        assertThat(BacktestScore.log5(0.6, 0.9)).isCloseTo(1.0 / 7, offset(1e-12));
        assertThat(BacktestScore.log5(0.7, 0.7)).isEqualTo(0.5);
        // Against an average team (0.5) a team's chance is its rating.
        assertThat(BacktestScore.log5(0.83, 0.5)).isCloseTo(0.83, offset(1e-12));
        assertThat(BacktestScore.log5(1, 1)).isEqualTo(0.5);
        assertThat(BacktestScore.log5(0, 0)).isEqualTo(0.5);
    }

    @Test
    void log5IsScoredOnlyWhenEveryGameHasIt() {
        List<Game> games = List.of(GAMES.get(0), new Game(GAMES.get(1).outcome(), GAMES.get(1).simulated(), null));
        assertThat(BacktestScore.of(games).log5()).isNull();
    }

    private static Game game(double p, boolean teamAWon) {
        return new Game(new Outcome(teamAWon, teamAWon ? 1 : -1, 140, false),
                new Simulated(10_000, p, 0, 10, 140, 0.05), null);
    }

    @Test
    void theNormalMarginLogScoreIsTheMassWithinHalfAPointOfTheMargin() {
        double total = 0;
        for (int margin = -80; margin <= 80; margin++) {
            total += Math.exp(BacktestScore.normalMarginLogP(3.0, margin));
        }
        assertThat(total).isCloseTo(1.0, offset(1e-5));
        assertThat(BacktestScore.normalMarginLogP(3.0, 5)).isCloseTo(BacktestScore.normalMarginLogP(3.0, 1),
                offset(1e-6));
        // Φ(0.5 / 11) − Φ(−0.5 / 11) = 0.036257: the chance of exactly the expected margin.
        assertThat(Math.exp(BacktestScore.normalMarginLogP(0, 0))).isCloseTo(0.036257, offset(1e-5));
    }

    @Test
    void aMarginNeverSimulatedCountsAsHalfAGame() {
        assertThat(BacktestScore.simulatedMarginLogP(250, 10_000)).isCloseTo(Math.log(0.025), offset(1e-12));
        assertThat(BacktestScore.simulatedMarginLogP(0, 10_000)).isCloseTo(Math.log(0.00005), offset(1e-12));
    }

    @Test
    void theMarketIsScoredOnTheGamesWithALineAlongsideTheOthersOnTheSameGames() {
        List<Game> games = List.of(
                new Game(GAMES.get(0).outcome(), GAMES.get(0).simulated(), 0.9, 0.7, -3.5, -3.6),
                new Game(GAMES.get(1).outcome(), GAMES.get(1).simulated(), 0.5, null, -4.0, -3.9),
                new Game(GAMES.get(2).outcome(), GAMES.get(2).simulated(), 0.2, 0.4, -3.0, -3.2));
        BacktestScore score = BacktestScore.of(games);
        assertThat(score.market().games()).isEqualTo(2);
        // Market: (0.3² + 0.4²) / 2; Tipoff on the same two games: (0.2² + 0.3²) / 2.
        assertThat(score.market().market().brier()).isCloseTo(0.125, offset(1e-12));
        assertThat(score.market().tipoff().brier()).isCloseTo(0.065, offset(1e-12));
        assertThat(score.marginLogScore().simulated()).isCloseTo(-3.5, offset(1e-12));
        assertThat(score.marginLogScore().actual()).isCloseTo(-3.5666667, offset(1e-7));
        assertThat(BacktestScore.of(GAMES).market()).isNull();
        assertThat(BacktestScore.of(GAMES).marginLogScore()).isNull();
    }
}
