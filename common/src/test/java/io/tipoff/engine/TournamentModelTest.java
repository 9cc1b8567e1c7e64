package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.model.Bracket;
import io.tipoff.model.BracketException;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TournamentModelTest {

    private static final SimulationSettings SETTINGS = SimulationSettings.DEFAULTS;

    private static Bracket eightTeams() {
        return TestBrackets.eightTeams();
    }

    private static TeamProfile team(String name, double offense) {
        return TestBrackets.team(name, offense);
    }

    @Test
    void everyTournamentHasOneChampionTwoFinalistsAndEveryRoundAddsUp() {
        TournamentModel model = TournamentModel.of(eightTeams(), SETTINGS);
        TournamentAggregate aggregate = model.simulate(7, 0, 5_000);
        long[] perRound = new long[aggregate.rounds()];
        for (int t = 0; t < model.teams(); t++) {
            for (int d = 0; d < aggregate.rounds(); d++) {
                perRound[d] += aggregate.reached()[t * aggregate.rounds() + d];
            }
        }
        // Games at depth 0, 1, 2, 3: the final, 2 semifinals, 4 first-round games, 1 play-in.
        assertThat(perRound).containsExactly(5_000, 10_000, 20_000, 5_000);
        assertThat(aggregate.finalFours().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000);

        TournamentResult result = TournamentResult.of(model, aggregate);
        double champions = result.teams().stream().mapToDouble(t -> t.rounds().get("CHAMP").p()).sum();
        assertThat(champions).isCloseTo(1.0, offset(1e-12));
        assertThat(result.teams().get(0).rounds().keySet()).containsExactly("F4", "NCG", "CHAMP");
        assertThat(result.teams().get(7).rounds().keySet()).containsExactly("E8", "F4", "NCG", "CHAMP");
        assertThat(result.slots()).hasSize(8);
        assertThat(result.slots().get(result.slots().size() - 1).round()).isEqualTo("CHAMP");
    }

    @Test
    void theSameSeedPlaysTheSameTournamentsWhateverTheSplit() {
        TournamentModel model = TournamentModel.of(eightTeams(), SETTINGS);
        TournamentAggregate whole = model.simulate(11, 0, 3_000);
        TournamentAggregate split = model.simulate(11, 1_000, 2_000).merge(model.simulate(11, 0, 1_000));
        assertThat(split).isEqualTo(whole);
        // A fresh model (its pair models built in another order) plays the same games.
        assertThat(TournamentModel.of(eightTeams(), SETTINGS).simulate(11, 1_000, 2_000))
                .isEqualTo(model.simulate(11, 1_000, 2_000));
        assertThat(model.simulate(12, 0, 3_000)).isNotEqualTo(whole);
    }

    @Test
    void manyPartsSummedAtOnceAreTheWholeExactly() {
        TournamentModel model = TournamentModel.of(eightTeams(), SETTINGS);
        TournamentAggregate whole = model.simulate(5, 0, 3_000);
        List<TournamentAggregate> parts = new ArrayList<>();
        for (int first = 2_700; first >= 0; first -= 300) {
            parts.add(model.simulate(5, first, 300));
        }

        assertThat(model.mergeAll(parts)).isEqualTo(whole);
        assertThat(model.mergeAll(parts.subList(0, 1))).isEqualTo(parts.get(0));
        assertThat(whole.finalFours()).hasSizeGreaterThan(10);
    }

    @Test
    void strongerTeamsGoFurther() {
        TournamentModel model = TournamentModel.of(eightTeams(), SETTINGS);
        TournamentResult result = TournamentResult.of(model, model.simulate(3, 0, 10_000));
        Map<String, TournamentResult.Probability> best = result.teams().get(0).rounds();
        Map<String, TournamentResult.Probability> worst = result.teams().get(8).rounds();
        assertThat(best.get("CHAMP").p()).isGreaterThan(0.3);
        assertThat(best.get("CHAMP").p()).isGreaterThan(worst.get("CHAMP").p());
        assertThat(result.champions().get(0).seed()).isEqualTo("A1");
        assertThat(best.get("CHAMP").stdError()).isCloseTo(
                Math.sqrt(best.get("CHAMP").p() * (1 - best.get("CHAMP").p()) / 10_000), offset(1e-12));
    }

    @Test
    void aBadBracketIsRejectedNamingTheSlot() {
        Bracket good = eightTeams();
        assertThatThrownBy(() -> withSlot(good, 1, new Bracket.Slot("R1A1", "A1", "A9")))
                .isInstanceOf(BracketException.class).hasMessageStartingWith("R1A1: names A9");
        assertThatThrownBy(() -> withSlot(good, 1, new Bracket.Slot("R1A1", "A1", "A7")))
                .isInstanceOf(BracketException.class).hasMessageStartingWith("R1A2: A7 already plays in slot R1A1");
        assertThatThrownBy(() -> withSlot(good, 5, new Bracket.Slot("R2A1", "R1A1", "R3")))
                .isInstanceOf(BracketException.class).hasMessageStartingWith("R2A1: is part of a cycle");
        List<Bracket.Slot> missing = new ArrayList<>(good.slots());
        missing.remove(0);
        assertThatThrownBy(() -> new Bracket(good.teams(), missing))
                .isInstanceOf(BracketException.class).hasMessageContaining("A8");
        List<Bracket.Seeded> twice = new ArrayList<>(good.teams());
        twice.set(1, new Bracket.Seeded("A2", good.teams().get(0).team()));
        assertThatThrownBy(() -> new Bracket(twice, good.slots()))
                .isInstanceOf(BracketException.class).hasMessageStartingWith("A2: Team 1 is in the bracket twice");
    }

    private static Bracket withSlot(Bracket bracket, int index, Bracket.Slot slot) {
        List<Bracket.Slot> slots = new ArrayList<>(bracket.slots());
        slots.set(index, slot);
        return new Bracket(bracket.teams(), slots);
    }
}
