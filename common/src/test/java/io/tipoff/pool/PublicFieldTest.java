package io.tipoff.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.engine.GameRandom;
import io.tipoff.model.BracketShape;
import org.junit.jupiter.api.Test;

class PublicFieldTest {

    private static final BracketShape SHAPE = BracketShape.of(PoolModelTest.eightTeams());

    @Test
    void firstRoundSharesAreTheImportedOnesAndEveryRoundAddsUpToItsGames() {
        PublicField field = PublicField.withPicks(SHAPE, PoolModelTest.publicLovesA2());
        double[] shares = field.shares();
        int rounds = SHAPE.rounds();
        int a2 = SHAPE.seeds().indexOf("A2");
        // A2 against A7 in the first round (depth 2): 0.97 against 0.03.
        assertThat(shares[a2 * rounds + 2]).isCloseTo(0.97, offset(1e-12));
        double[] perDepth = new double[rounds];
        for (int t = 0; t < SHAPE.teams(); t++) {
            for (int d = 0; d < rounds; d++) {
                perDepth[d] += shares[t * rounds + d];
            }
        }
        assertThat(perDepth[0]).isCloseTo(1, offset(1e-12));
        assertThat(perDepth[1]).isCloseTo(2, offset(1e-12));
        assertThat(perDepth[2]).isCloseTo(4, offset(1e-12));
        // The play-in: A8b has no picks, so the field always has A8a.
        assertThat(shares[SHAPE.seeds().indexOf("A8a") * rounds + 3]).isEqualTo(1.0);
    }

    @Test
    void theFieldCarriesEachTeamToEachRoundAsOftenAsThePublicPickedIt() {
        double[] shares = PublicField.withPicks(SHAPE, PoolModelTest.publicLovesA2()).shares();
        int rounds = SHAPE.rounds();
        for (PoolSpec.SeedPicks picks : PoolModelTest.publicLovesA2()) {
            int t = SHAPE.seeds().indexOf(picks.seed());
            for (int round = 0; round < 3; round++) {
                assertThat(shares[t * rounds + 2 - round]).as("%s round %d", picks.seed(), round)
                        .isCloseTo(picks.shares().get(round), offset(5e-4));
            }
        }
        // Raw shares as strengths would compound the favourite: A2 against A1 in the final at 0.70 : 0.15.
        assertThat(0.9 * 0.70 / (0.70 + 0.15)).isGreaterThan(0.70);
    }

    @Test
    void drawnBracketsFollowTheExactShares() {
        PublicField field = PublicField.withPicks(SHAPE, PoolModelTest.publicLovesA2());
        GameRandom random = new GameRandom();
        random.startGame(1, 0);
        int[] picks = new int[SHAPE.games()];
        int rounds = SHAPE.rounds();
        int draws = 200_000;
        long[] champions = new long[SHAPE.teams()];
        for (int i = 0; i < draws; i++) {
            field.draw(random, picks);
            champions[picks[SHAPE.games() - 1]]++;
        }
        double[] shares = field.shares();
        for (int t = 0; t < SHAPE.teams(); t++) {
            double p = shares[t * rounds];
            assertThat((double) champions[t] / draws).as(SHAPE.seeds().get(t))
                    .isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / draws) + 1e-9));
        }
    }

    @Test
    void inAPoolThatLocksLaterEveryOpponentHasTheDecidedWinnersAndPicksTheRestAsBefore() {
        int a8 = SHAPE.slots().indexOf("A8");
        int r1a2 = SHAPE.slots().indexOf("R1A2");
        int[] decided = new int[SHAPE.games()];
        java.util.Arrays.fill(decided, -1);
        decided[a8] = SHAPE.seeds().indexOf("A8b");
        decided[r1a2] = SHAPE.seeds().indexOf("A7");
        PublicField before = PublicField.withPicks(SHAPE, PoolModelTest.publicLovesA2());
        PublicField field = before.withResults(decided);
        GameRandom random = new GameRandom();
        random.startGame(2, 0);
        int[] picks = new int[SHAPE.games()];
        int rounds = SHAPE.rounds();
        int draws = 100_000;
        long[] champions = new long[SHAPE.teams()];
        for (int i = 0; i < draws; i++) {
            field.draw(random, picks);
            assertThat(picks[a8]).isEqualTo(decided[a8]);
            assertThat(picks[r1a2]).isEqualTo(decided[r1a2]);
            champions[picks[SHAPE.games() - 1]]++;
        }
        double[] shares = field.shares();
        assertThat(shares[decided[r1a2] * rounds + 2]).isEqualTo(1.0);
        // A game between two teams both still in is picked as before the results: A3 over A6 at 0.70.
        int a3 = SHAPE.seeds().indexOf("A3");
        assertThat(shares[a3 * rounds + 2]).isEqualTo(before.shares()[a3 * rounds + 2]);
        for (int t = 0; t < SHAPE.teams(); t++) {
            double p = shares[t * rounds];
            assertThat((double) champions[t] / draws).as(SHAPE.seeds().get(t))
                    .isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / draws) + 1e-9));
        }
        assertThat(champions[SHAPE.seeds().indexOf("A2")]).isZero();
        assertThat(champions[SHAPE.seeds().indexOf("A8a")]).isZero();
    }
}
