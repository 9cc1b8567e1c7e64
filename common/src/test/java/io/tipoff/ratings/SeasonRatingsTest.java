package io.tipoff.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SeasonRatingsTest {

    /** No shrinkage, no recency, no cap: the plain least-squares fit, which recovers noiseless strengths exactly. */
    private static final RatingMethod PLAIN = new RatingMethod(0, Double.POSITIVE_INFINITY, 1000, 0);

    /** Four teams whose offenses score 112, 104, 96 and 88 per 100 possessions against any defense. */
    private static final int[] OFFENSE = {12, 4, -4, -12};

    /**
     * A game of 50 possessions a side (40 attempts, 10 turnovers, no offensive rebounds or free throws) in which
     * each team scores its offense's points: 50 × (100 + offense) / 100.
     */
    private static SeasonGame game(int day, int a, int b, char location) {
        TeamBox boxA = box(a + 1, 50 * (100 + OFFENSE[a]) / 100);
        TeamBox boxB = box(b + 1, 50 * (100 + OFFENSE[b]) / 100);
        boolean aWins = boxA.points() > boxB.points();
        char winnerLocation = location == 'N' ? 'N' : aWins ? location : location == 'H' ? 'A' : 'H';
        return new SeasonGame(2019, day, aWins ? boxA : boxB, aWins ? boxB : boxA, winnerLocation, 0);
    }

    private static TeamBox box(int teamId, int points) {
        int threes = 4;
        int twos = (points - 3 * threes) / 2;
        return new TeamBox(teamId, points, twos + threes, 40, threes, 12, points - 2 * twos - 3 * threes, 0, 0, 20, 10,
                10, 5, 3, 15);
    }

    /** Every pair of teams twice, home and away, one game a day. */
    private static List<SeasonGame> roundRobin() {
        List<SeasonGame> games = new ArrayList<>();
        int day = 1;
        for (int a = 0; a < OFFENSE.length; a++) {
            for (int b = a + 1; b < OFFENSE.length; b++) {
                games.add(game(day++, a, b, 'H'));
                games.add(game(day++, b, a, 'H'));
            }
        }
        return games;
    }

    @Test
    void recoversNoiselessStrengthsAgainstAnAverageOpponent() {
        SeasonRatings ratings = SeasonRatings.of(2019, 132, roundRobin(), PLAIN);
        assertThat(ratings.games()).isEqualTo(12);
        assertThat(ratings.league().efficiency()).isCloseTo(100, offset(1e-9));
        for (int t = 0; t < OFFENSE.length; t++) {
            TeamRating team = ratings.team(t + 1).orElseThrow();
            assertThat(team.adjOffense()).isCloseTo(100 + OFFENSE[t], offset(1e-5));
            assertThat(team.adjDefense()).isCloseTo(100, offset(1e-5));
            assertThat(team.adjTempo()).isCloseTo(50, offset(1e-5));
            assertThat(team.games()).isEqualTo(6);
        }
        assertThat(ratings.teams()).extracting(TeamRating::teamId).containsExactly(1, 2, 3, 4);
        assertThat(ratings.homeCourtPer100()).isCloseTo(0, offset(1e-5));
    }

    @Test
    void aTeamThatMetOnlyStrongOpponentsRatesAboveOneWithTheSameResultsAgainstWeakOnes() {
        List<SeasonGame> games = new ArrayList<>(roundRobin());
        // Team 5 loses to the best team by 4; team 6 loses to the worst team by 4.
        games.add(new SeasonGame(2019, 20, box(1, 56), box(5, 52), 'N', 0));
        games.add(new SeasonGame(2019, 20, box(4, 44), box(6, 40), 'N', 0));
        SeasonRatings ratings = SeasonRatings.of(2019, 132, games, PLAIN);
        assertThat(ratings.team(5).orElseThrow().adjMargin())
                .isGreaterThan(ratings.team(6).orElseThrow().adjMargin() + 20);
    }

    @Test
    void aGameAfterTheDayChangesNothing() {
        List<SeasonGame> games = new ArrayList<>(roundRobin());
        SeasonRatings before = SeasonRatings.of(2019, 12, games, RatingMethod.DEFAULT);
        games.add(new SeasonGame(2019, 13, box(4, 90), box(1, 40), 'A', 2));
        games.add(new SeasonGame(2019, 13, box(7, 90), box(2, 40), 'N', 0));
        assertThat(SeasonRatings.of(2019, 12, games, RatingMethod.DEFAULT)).isEqualTo(before);
        assertThat(SeasonRatings.of(2019, 13, games, RatingMethod.DEFAULT)).isNotEqualTo(before);
    }

    @Test
    void homeCourtIsFittedAndTakenOutOfTheTeamsRatings() {
        List<SeasonGame> games = new ArrayList<>();
        // Two equal teams: each wins at home 54-46 (50 possessions), 108 and 92 per 100: home court is worth 8 per 100 a side.
        for (int day = 1; day <= 10; day++) {
            games.add(new SeasonGame(2019, day, box(day % 2 == 0 ? 1 : 2, 54), box(day % 2 == 0 ? 2 : 1, 46), 'H',
                    0));
        }
        SeasonRatings ratings = SeasonRatings.of(2019, 132, games, PLAIN);
        assertThat(ratings.homeCourtPer100()).isCloseTo(8, offset(1e-5));
        assertThat(ratings.team(1).orElseThrow().adjMargin()).isCloseTo(0, offset(1e-5));
    }

    @Test
    void ratesAreSumsOverTheGamesNotMeansOfGamePercentages() {
        List<SeasonGame> games = List.of(
                new SeasonGame(2019, 1, new TeamBox(1, 60, 25, 50, 2, 10, 8, 10, 10, 30, 0, 10, 0, 0, 0),
                        new TeamBox(2, 50, 20, 60, 2, 20, 8, 10, 10, 30, 0, 10, 0, 0, 0), 'N', 0),
                new SeasonGame(2019, 2, new TeamBox(1, 60, 25, 50, 8, 30, 2, 10, 10, 30, 0, 10, 0, 0, 0),
                        new TeamBox(3, 50, 20, 60, 2, 20, 8, 10, 10, 30, 0, 10, 0, 0, 0), 'N', 0));
        TeamRating team = SeasonRatings.of(2019, 2, games, PLAIN).team(1).orElseThrow();
        // Twos: 23 of 40 and 17 of 20 make 40 of 60, not the mean of 57.5% and 85%.
        assertThat(team.offense().twoPointPct()).isCloseTo(40.0 / 60, offset(1e-12));
        assertThat(team.offense().threePointPct()).isCloseTo(10.0 / 40, offset(1e-12));
        assertThat(team.offense().threePointRate()).isCloseTo(40.0 / 100, offset(1e-12));
        assertThat(team.offense().freeThrowPct()).isCloseTo(10.0 / 20, offset(1e-12));
        assertThat(team.offense().offensiveReboundRate()).isCloseTo(20.0 / 80, offset(1e-12));
        assertThat(team.defense().twoPointPct()).isCloseTo(36.0 / 80, offset(1e-12));
        assertThat(team.games()).isEqualTo(2);
        assertThat(team.wins()).isEqualTo(2);
    }

    @Test
    void noGameByTheDayIsAnError() {
        assertThatThrownBy(() -> SeasonRatings.of(2019, 0, roundRobin(), RatingMethod.DEFAULT))
                .hasMessageContaining("no game of season 2019 was played by day 0");
        assertThatThrownBy(() -> SeasonRatings.of(2018, 132, roundRobin(), RatingMethod.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedSeasonRanksItsBestTeamsOnTop() throws Exception {
        Path file = SeasonGamesCsvTest.sharedGames();
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project");
        SeasonRatings ratings = SeasonRatings.of(2019, 132, SeasonGamesCsv.read(Files.readString(file)),
                RatingMethod.DEFAULT);
        assertThat(ratings.teams()).hasSize(353);
        // Virginia (1438), Gonzaga (1211) and Duke (1181) led every public rating on Selection Sunday 2019.
        assertThat(ratings.teams().subList(0, 5)).extracting(TeamRating::teamId).contains(1438, 1211, 1181);
        assertThat(ratings.league().efficiency()).isBetween(100.0, 106.0);
        assertThat(ratings.league().tempo()).isBetween(66.0, 72.0);
        assertThat(ratings.homeCourtPer100()).isBetween(1.0, 4.0);
    }
}
