package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.cli.TournamentScore.TeamRound;
import java.util.List;
import org.junit.jupiter.api.Test;

class TournamentScoreTest {

    /**
     * Three team-rounds, worked by hand below:
     * <pre>
     *   season  round  won  Tipoff  log5
     *   2019    R32    yes  0.8     0.5
     *   2019    S16    no   0.2     0.5
     *   2018    R32    yes  0.0     0.25   (Tipoff's 0 of 10 tournaments counts as 0.05 for the log loss)
     * </pre>
     */
    static final List<TeamRound> TEAM_ROUNDS = List.of(
            new TeamRound(2019, "W01", "R32", true, 0.8, 0.5),
            new TeamRound(2019, "W01", "S16", false, 0.2, 0.5),
            new TeamRound(2018, "X16", "R32", true, 0.0, 0.25));

    @Test
    void teamRoundsAreScoredAsByHand() {
        TournamentScore score = TournamentScore.of(TEAM_ROUNDS, 10);

        assertThat(score.seasons()).isEqualTo(2);
        assertThat(score.teamRounds()).isEqualTo(3);
        // −(ln 0.8 + ln 0.8 + ln 0.05) / 3 = (0.2231436 + 0.2231436 + 2.9957323) / 3
        assertThat(score.tipoff().logLoss()).isCloseTo(1.1473398, offset(1e-7));
        // (0.2² + 0.2² + 1²) / 3
        assertThat(score.tipoff().brier()).isCloseTo(0.36, offset(1e-12));
        // −(ln 0.5 + ln 0.5 + ln 0.25) / 3 = 4 ln 2 / 3
        assertThat(score.log5().logLoss()).isCloseTo(4 * Math.log(2) / 3, offset(1e-12));
        // (0.25 + 0.25 + 0.5625) / 3
        assertThat(score.log5().brier()).isCloseTo(1.0625 / 3, offset(1e-12));
    }

    @Test
    void roundsComeInTheOrderPlayedAndSeasonsInTheirs() {
        TournamentScore score = TournamentScore.of(TEAM_ROUNDS, 10);

        assertThat(score.byRound()).extracting(TournamentScore.Group::name).containsExactly("R32", "S16");
        assertThat(score.byRound().get(0).teamRounds()).isEqualTo(2);
        // −(ln 0.8 + ln 0.05) / 2, and (0.04 + 1) / 2
        assertThat(score.byRound().get(0).tipoff().logLoss()).isCloseTo((0.2231436 + 2.9957323) / 2, offset(1e-7));
        assertThat(score.byRound().get(0).tipoff().brier()).isCloseTo(0.52, offset(1e-12));
        assertThat(score.byRound().get(1).log5().brier()).isCloseTo(0.25, offset(1e-12));
        assertThat(score.bySeason()).extracting(TournamentScore.Group::name).containsExactly("2018", "2019");
        assertThat(score.bySeason().get(1).teamRounds()).isEqualTo(2);
        assertThat(score.bySeason().get(1).log5().logLoss()).isCloseTo(Math.log(2), offset(1e-12));
    }

    @Test
    void aTeamWonEveryGameUpToTheRoundItReached() {
        // A First Four team that lost in the round of 64 won its First Four game (the win that reaches R64).
        assertThat(TournamentScore.won("R64", "R64")).isTrue();
        assertThat(TournamentScore.won("R64", "R32")).isFalse();
        assertThat(TournamentScore.won("R68", "R64")).isFalse();
        assertThat(TournamentScore.won("E8", "S16")).isTrue();
        assertThat(TournamentScore.won("E8", "E8")).isTrue();
        assertThat(TournamentScore.won("E8", "F4")).isFalse();
        assertThat(TournamentScore.won("2ND", "NCG")).isTrue();
        assertThat(TournamentScore.won("2ND", "CHAMP")).isFalse();
        assertThat(TournamentScore.won("Champions", "CHAMP")).isTrue();
        assertThatThrownBy(() -> TournamentScore.won("NIT", "R32")).hasMessage("not a round: NIT");
    }
}
