package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.model.SimulationSettings;
import io.tipoff.testing.Matchups;
import org.junit.jupiter.api.Test;

class MatchupResultTest {

    private static final MatchupAggregate AGGREGATE =
            MatchupModel.of(Matchups.FINAL_2019, SimulationSettings.DEFAULTS).simulate(5, 0, 20_000);
    private static final MatchupResult RESULT = MatchupResult.of("A", "B", AGGREGATE);

    @Test
    void boxScoreAveragesAddUpToTheTeamsPoints() {
        for (MatchupResult.Team team : new MatchupResult.Team[] {RESULT.teamA(), RESULT.teamB()}) {
            MatchupResult.BoxAverages box = team.box();
            double fromShots = 2 * box.twoPointAttempts() * box.twoPointPct()
                    + 3 * box.threePointAttempts() * box.threePointPct() + box.freeThrowsMade();
            assertThat(fromShots).isCloseTo(team.meanPoints(), offset(1e-9));
            assertThat(box.points()).isCloseTo(team.meanPoints(), offset(1e-9));
            assertThat(team.points().mean()).isEqualTo(team.meanPoints());
        }
    }

    @Test
    void theOffensiveReboundRatesOfBothTeamsSplitTheReboundsOfEachEnd() {
        BoxScore a = AGGREGATE.teamABox();
        double rate = (double) a.offensiveRebounds() / (a.offensiveRebounds() + AGGREGATE.teamBBox().defensiveRebounds());
        assertThat(RESULT.teamA().box().offensiveReboundRate()).isEqualTo(rate);
        assertThat(rate).isBetween(0.2, 0.45);
    }

    @Test
    void theOvertimeDistributionCoversEveryGameAndMatchesTheOvertimeRate() {
        long games = RESULT.overtimePeriods().stream().mapToLong(e -> e[1]).sum();
        long withOvertime = RESULT.overtimePeriods().stream().filter(e -> e[0] > 0).mapToLong(e -> e[1]).sum();
        assertThat(games).isEqualTo(RESULT.simulations());
        assertThat((double) withOvertime / games).isEqualTo(RESULT.overtimeRate());
        assertThat(RESULT.overtimePeriods().get(0)[0]).isZero();
    }

    @Test
    void theWinProbabilitiesAreExactCountsOfTheSameGames() {
        assertThat(RESULT.teamA().winProbability() * 20_000).isCloseTo(AGGREGATE.teamAWins(), offset(1e-6));
        assertThat(RESULT.teamA().winProbability() + RESULT.teamB().winProbability()).isCloseTo(1, offset(1e-12));
    }
}
