package io.tipoff.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.engine.TestBrackets;
import io.tipoff.model.Bracket;
import io.tipoff.model.BracketException;
import io.tipoff.model.BracketShape;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.Tournament;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolModelTest {

    private static final SimulationSettings SETTINGS = SimulationSettings.DEFAULTS;
    private static final List<Integer> SCORING = List.of(1, 2, 4);

    static Bracket eightTeams() {
        return TestBrackets.eightTeams();
    }

    /** The public loves A2: most of it has A2 winning everything. */
    static List<PoolSpec.SeedPicks> publicLovesA2() {
        return List.of(
                picks("A1", 0.95, 0.40, 0.15), picks("A2", 0.97, 0.90, 0.70), picks("A3", 0.70, 0.05, 0.04),
                picks("A4", 0.55, 0.30, 0.05), picks("A5", 0.45, 0.25, 0.03), picks("A6", 0.30, 0.05, 0.01),
                picks("A7", 0.03, 0.00, 0.00), picks("A8a", 0.05, 0.05, 0.02));
    }

    private static PoolSpec.SeedPicks picks(String seed, double... shares) {
        return new PoolSpec.SeedPicks(seed, Arrays.stream(shares).boxed().toList());
    }

    private static PoolModel model(int entrants, List<PoolSpec.SeedPicks> picks) {
        return PoolModel.of(eightTeams(), new PoolSpec(entrants, SCORING, picks, 2_000), SETTINGS);
    }

    @Test
    void theSameSeedGivesTheSameCountsWhateverTheSplitAndTheModelInstance() {
        PoolAggregate whole = model(12, publicLovesA2()).simulate(5, 0, 900);
        PoolModel other = model(12, publicLovesA2());
        PoolAggregate parts = other.mergeAll(List.of(other.simulate(5, 600, 300), other.simulate(5, 0, 250),
                other.simulate(5, 250, 350)));
        assertThat(parts).isEqualTo(whole);
        assertThat(other.result(parts)).isEqualTo(model(12, publicLovesA2()).result(whole));
        assertThat(model(12, publicLovesA2()).simulate(6, 0, 900)).isNotEqualTo(whole);
    }

    @Test
    void everyCandidatePlacesOnceATournamentAndItsWinsAreItsFirstPlaces() {
        PoolAggregate total = model(12, publicLovesA2()).simulate(3, 0, 2_000);
        assertThat(total.labels()).startsWith("chalk", "favorites");
        for (int c = 0; c < total.labels().size(); c++) {
            assertThat(Arrays.stream(total.places()[c]).sum()).isEqualTo(2_000);
            assertThat(Arrays.stream(total.ties()[c]).sum()).isEqualTo(total.places()[c][0]);
            assertThat(total.winShare(c)).isBetween(0.0, (double) total.places()[c][0] / 2_000);
        }
    }

    @Test
    void everyCandidateIsAValidBracketAndChalkPicksTheBetterSeed() {
        PoolAggregate total = model(12, publicLovesA2()).simulate(3, 0, 100);
        BracketShape shape = BracketShape.of(eightTeams());
        for (int[] picks : total.picks()) {
            for (int g = 0; g < shape.games(); g++) {
                assertThat(picks[g]).isIn(shape.strongTeam(g, picks), shape.weakTeam(g, picks));
            }
        }
        int[] chalk = total.picks()[total.labels().indexOf("chalk")];
        // The final: A1 over A2; the play-in between two 8 seeds goes to the better rated A8a.
        assertThat(shape.seeds().get(chalk[shape.games() - 1])).isEqualTo("A1");
        assertThat(shape.seeds().get(chalk[shape.slots().indexOf("A8")])).isEqualTo("A8a");
    }

    @Test
    void aContrarianEntryBeatsTheFavouritesWhenThePublicPilesOnOneTeam() {
        PoolModel model = model(30, publicLovesA2());
        PoolResult result = model.result(model.simulate(9, 0, 6_000));
        assertThat(result.winProbability()).isGreaterThanOrEqualTo(result.baselines().get("favorites")
                .winProbability());
        assertThat(result.winProbability()).isGreaterThanOrEqualTo(result.baselines().get("chalk").winProbability());
        // Not the public's champion: the public's A2 is picked by 70% of the field.
        assertThat(result.bracket().get("R3")).isNotEqualTo("A2");
        assertThat(result.bracket()).hasSize(8).containsKeys("A8", "R1A1", "R3");
        assertThat(result.places()).hasSize(30);
        assertThat(result.places().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-9));
        assertThat(result.picks()).anyMatch(PoolResult.Pick::contrarian);
        assertThat(result.publicPicks()).isEqualTo("imported");
    }

    @Test
    void withoutPicksTheFieldFollowsTheModelSharpened() {
        PoolModel model = model(10, null);
        PoolResult result = model.result(model.simulate(2, 0, 1_000));
        assertThat(result.publicPicks()).isEqualTo("model");
        assertThat(result.baselines()).containsKeys("chalk", "favorites");
        assertThat(result.fieldScore()).isPositive();
    }

    /** Two upsets decided: A8b won the play-in, A7 beat A2 (the public's 97% pick). */
    private static final Map<String, String> UPSETS = Map.of("A8", "A8b", "R1A2", "A7");

    private static PoolModel lockedAfter(Map<String, String> results, int entrants) {
        return PoolModel.of(new Tournament(null, eightTeams(), results, null),
                new PoolSpec(entrants, SCORING, publicLovesA2(), 2_000), SETTINGS);
    }

    @Test
    void decidedGamesArePickedRightByChalkTheFavouritesEveryCandidateAndTheField() {
        BracketShape shape = BracketShape.of(eightTeams());
        int a8 = shape.slots().indexOf("A8");
        int r1a2 = shape.slots().indexOf("R1A2");
        int a8b = shape.seeds().indexOf("A8b");
        int a7 = shape.seeds().indexOf("A7");
        PoolAggregate total = lockedAfter(UPSETS, 12).simulate(3, 0, 1_000);
        assertThat(total.labels()).startsWith("chalk", "favorites");
        for (int[] picks : total.picks()) {
            assertThat(picks[a8]).isEqualTo(a8b);
            assertThat(picks[r1a2]).isEqualTo(a7);
            for (int g = 0; g < shape.games(); g++) {
                assertThat(picks[g]).isIn(shape.strongTeam(g, picks), shape.weakTeam(g, picks));
            }
        }
        // The decided games are played as decided in every tournament, and the whole field has their winners.
        assertThat(total.slotWins()[a8 * shape.teams() + a8b]).isEqualTo(1_000);
        assertThat(total.slotWins()[r1a2 * shape.teams() + a7]).isEqualTo(1_000);
        assertThat(total.shares()[a7 * shape.rounds() + 2]).isEqualTo(1.0);
        assertThat(total.shares()[shape.seeds().indexOf("A2") * shape.rounds() + 2]).isZero();
        assertThat(total.shares()[a8b * shape.rounds() + 3]).isEqualTo(1.0);
        PoolResult result = lockedAfter(UPSETS, 12).result(total);
        assertThat(result.bracket()).containsEntry("A8", "A8b").containsEntry("R1A2", "A7");
        assertThat(result.picks().get(r1a2).chance()).isEqualTo(1.0);
        assertThat(result.picks().get(r1a2).contrarian()).isFalse();
    }

    @Test
    void withOnlyTheFinalOpenThePoolIsWonOnTheFinal() {
        // A1 and A7 are in the final; the public's strength for A7 in the final is 0, so every opponent has A1.
        Map<String, String> results = Map.of("A8", "A8a", "R1A3", "A3", "R1A4", "A5", "R2A1", "A1", "R2A2", "A7");
        int entrants = 30;
        PoolModel model = lockedAfter(results, entrants);
        PoolAggregate total = model.simulate(4, 0, 3_000);
        PoolResult result = model.result(total);
        double a7Wins = result.picks().get(BracketShape.of(eightTeams()).games() - 1).chance();
        // The favourites pick A1 like every opponent: always level with all of them, a 1-in-30 share of the win.
        PoolResult.Entry favorites = result.baselines().get("favorites");
        assertThat(favorites.bracket()).containsEntry("R3", "A1");
        assertThat(favorites.winProbability()).isCloseTo(1.0 / entrants, offset(1e-12));
        // 4 × 1 point for the first round and 2 × 2 for the second, all decided; 4 more when A1 wins the final.
        assertThat(favorites.expectedScore()).isCloseTo(8 + 4 * (1 - a7Wins), offset(1e-9));
        assertThat(result.fieldScore()).isCloseTo(favorites.expectedScore(), offset(1e-9));
        // A7 as champion wins the pool alone exactly when A7 wins the final.
        assertThat(a7Wins).isGreaterThan(1.0 / entrants);
        assertThat(result.bracket()).containsEntry("R3", "A7").containsAllEntriesOf(results);
        assertThat(result.winProbability()).isCloseTo(a7Wins, offset(1e-12));
    }

    @Test
    void aResultThatCannotBeIsRefusedNamingItsSlot() {
        assertThatThrownBy(() -> lockedAfter(Map.of("R1A2", "A3"), 12)).isInstanceOf(BracketException.class)
                .hasMessageContaining("R1A2");
    }

    @Test
    void scoringMustHaveOneNumberPerRound() {
        assertThatThrownBy(() -> PoolModel.of(eightTeams(), new PoolSpec(10, List.of(1, 2), null, 100), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scoring");
        assertThatThrownBy(() -> new PoolSpec(1, SCORING, null, 100)).hasMessageContaining("entrants");
        assertThatThrownBy(() -> new PoolSpec(10, List.of(1, -2, 4), null, 100)).hasMessageContaining("points");
    }

    @Test
    void theBoundsCountScoresAboveAndLevel() {
        int[] sorted = {10, 20, 20, 30};
        assertThat(PoolModel.upperBound(sorted, 20)).isEqualTo(3);
        assertThat(PoolModel.lowerBound(sorted, 20)).isEqualTo(1);
        assertThat(PoolModel.upperBound(sorted, 5)).isZero();
        assertThat(PoolModel.lowerBound(sorted, 35)).isEqualTo(4);
        assertThat(PoolModel.seedNumber("W16a")).isEqualTo(16);
        assertThat(PoolModel.seedNumber("X01")).isEqualTo(1);
    }
}
