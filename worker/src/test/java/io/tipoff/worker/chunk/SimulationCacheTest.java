package io.tipoff.worker.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.engine.ModelMemory;
import io.tipoff.job.JobSpec;
import io.tipoff.model.Bracket;
import io.tipoff.model.JobType;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.Tournament;
import io.tipoff.model.Venue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulationCacheTest {

    private static final JobSpec MATCHUP = new JobSpec(JobType.MATCHUP, new Matchup(
            LeagueAverages.DIVISION_I_2013_2019.averageTeam("A"), LeagueAverages.DIVISION_I_2013_2019.averageTeam("B"),
            Venue.NEUTRAL), SimulationSettings.DEFAULTS);

    /** Four teams: six pairs that can meet. */
    private static final JobSpec FOUR_TEAMS = JobSpec.ofTournament(new Tournament(null, new Bracket(
            List.of(seeded("S1"), seeded("S2"), seeded("S3"), seeded("S4")),
            List.of(new Bracket.Slot("G1", "S1", "S2"), new Bracket.Slot("G2", "S3", "S4"),
                    new Bracket.Slot("G3", "G1", "G2")))), SimulationSettings.DEFAULTS);

    private static Bracket.Seeded seeded(String seed) {
        return new Bracket.Seeded(seed, LeagueAverages.DIVISION_I_2013_2019.averageTeam("Team " + seed));
    }

    @Test
    void keepsModelsUpToItsBudgetInBytesDroppingTheLeastRecentlyUsed() {
        SimulationCache cache = new SimulationCache(7 * ModelMemory.BYTES_PER_PAIR);
        UUID bracket = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        var tournament = cache.of(bracket, FOUR_TEAMS);
        var firstModel = cache.of(first, MATCHUP);
        assertThat(cache.cachedBytes()).isEqualTo(7 * ModelMemory.BYTES_PER_PAIR);
        assertThat(cache.of(bracket, FOUR_TEAMS)).isSameAs(tournament);
        cache.of(second, MATCHUP);

        assertThat(cache.jobs()).isEqualTo(2);
        assertThat(cache.cachedBytes()).isEqualTo(7 * ModelMemory.BYTES_PER_PAIR);
        assertThat(cache.of(bracket, FOUR_TEAMS)).isSameAs(tournament);
        assertThat(cache.of(first, MATCHUP)).as("dropped, built again").isNotSameAs(firstModel);
    }

    @Test
    void aModelLargerThanTheWholeBudgetIsUsedButNotKept() {
        SimulationCache cache = new SimulationCache(5 * ModelMemory.BYTES_PER_PAIR);
        UUID job = UUID.randomUUID();

        var model = cache.of(job, FOUR_TEAMS);

        assertThat(model).isNotNull();
        assertThat(cache.jobs()).isZero();
        assertThat(cache.cachedBytes()).isZero();
    }
}
