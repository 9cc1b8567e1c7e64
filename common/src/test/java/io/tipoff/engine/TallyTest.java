package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tipoff.model.SimulationSettings;
import io.tipoff.testing.Matchups;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void theStandardErrorIsTheWorstOfTheReportedProbabilities() {
        Tally tally = new Tally(10_000, new long[] {5_000, 100, 0, 10_000});

        assertThat(tally.maxStdError()).isCloseTo(Math.sqrt(0.25 / 10_000), within(1e-12));
        assertThat(new Tally(0, new long[] {0}).maxStdError()).isInfinite();
    }

    @Test
    void talliesOfDisjointRangesAddUpToTheTallyOfTheirUnion() {
        MatchupModel model = MatchupModel.of(Matchups.FINAL_2019, SimulationSettings.DEFAULTS);

        Tally parts = model.tally(model.simulate(3, 0, 4_000)).plus(model.tally(model.simulate(3, 4_000, 6_000)));

        assertThat(parts).isEqualTo(model.tally(model.simulate(3, 0, 10_000)));
        assertThat(parts.trials()).isEqualTo(10_000);
    }

    @Test
    void aSliceNeverHoldsMoreThanItsMaximumNorLessThanItsMinimum() {
        assertThat(ParallelSimulation.slices(2, 1, 10_000_000)).isEqualTo(200);
        assertThat(ParallelSimulation.slices(2, 1, 1_000_000)).isEqualTo(64);
        assertThat(ParallelSimulation.slices(2, 1, 10_000)).isEqualTo(5);
        assertThat(ParallelSimulation.slices(8, 67, 10_000)).isEqualTo(256);
        assertThat(ParallelSimulation.slices(2, 1, 1)).isEqualTo(1);
    }
}
