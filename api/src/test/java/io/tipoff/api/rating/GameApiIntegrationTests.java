package io.tipoff.api.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The HTTP contract of game data: importing a season's games, teams rated as of a day, jobs that name them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class GameApiIntegrationTests {

    private static TestServices.Environment services;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services = TestServices.register(registry);
    }

    static final String HEADER = "Season,DayNum,WTeamID,WScore,LTeamID,LScore,WLoc,NumOT,WFGM,WFGA,WFGM3,WFGA3,WFTM,"
            + "WFTA,WOR,WDR,WAst,WTO,WStl,WBlk,WPF,LFGM,LFGA,LFGM3,LFGA3,LFTM,LFTA,LOR,LDR,LAst,LTO,LStl,LBlk,LPF\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void noGames() {
        http = new Http(port);
        jdbc.sql("delete from chunk_outbox").update();
        jdbc.sql("delete from jobs").update();
        jdbc.sql("delete from season_games").update();
        jdbc.sql("delete from game_seasons").update();
    }

    /** One row whose box scores add up to its scores: 10 free throws, four or five threes, the rest twos. */
    static String row(int day, int winner, int winnerScore, int loser, int loserScore, String location) {
        return "2019," + day + "," + winner + "," + winnerScore + "," + loser + "," + loserScore + "," + location
                + ",0," + box(winnerScore) + "," + box(loserScore) + "\n";
    }

    private static String box(int points) {
        int threes = points % 2 == 0 ? 4 : 5;
        int twos = (points - 10 - 3 * threes) / 2;
        return String.join(",", Stream.of(twos + threes, twos + threes + 30, threes, 15, 10, 14, 10, 25, 12, 12, 6,
                3, 18).map(String::valueOf).toList());
    }

    /**
     * Four teams, every pair twice (home and away), days 1 to 12: team 1 wins every game by 10 at home and 6 away,
     * team 4 loses every one; teams 2 and 3 split.
     */
    static String season() {
        StringBuilder csv = new StringBuilder(HEADER);
        int day = 1;
        int[][] pairs = {{1, 2}, {1, 3}, {1, 4}, {2, 4}, {3, 4}};
        for (int[] pair : pairs) {
            csv.append(row(day++, pair[0], 75, pair[1], 65, "H"));
            csv.append(row(day++, pair[0], 71, pair[1], 65, "A"));
        }
        csv.append(row(day++, 2, 70, 3, 66, "H"));
        csv.append(row(day, 3, 70, 2, 66, "H"));
        return csv.toString();
    }

    private HttpResponse<String> importCsv(String csv) {
        return http.post("/api/v1/games/import", "text/csv", csv);
    }

    private List<String> storedRows() {
        List<String> rows = new ArrayList<>(jdbc.sql("select season || '/' || day || '/' || winner_id || '/' "
                        + "|| loser_id || ' ' || winner_box::text || loser_box::text from season_games order by 1")
                .query(String.class).list());
        rows.addAll(jdbc.sql("select season || ' ' || games || ' ' || version || ' ' || imported_at from game_seasons")
                .query(String.class).list());
        return rows;
    }

    @Test
    void importingTheSameGamesTwiceChangesNothing() {
        HttpResponse<String> first = importCsv(season());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Http.json(first).get("games").asInt()).isEqualTo(12);
        assertThat(Http.json(first).get("stored").asInt()).isEqualTo(12);
        List<String> before = storedRows();

        HttpResponse<String> again = importCsv(season());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).get("stored").asInt()).isZero();
        assertThat(storedRows()).hasSize(13).isEqualTo(before);
    }

    @Test
    void listsTheTeamsRatedAsOfADayBestFirst() {
        importCsv(season());

        JsonNode teams = Http.json(http.get("/api/v1/teams?season=2019&asOfDay=132"));

        assertThat(teams.size()).isEqualTo(4);
        List<Integer> order = new ArrayList<>();
        teams.forEach(team -> order.add(team.get("teamId").asInt()));
        assertThat(order.get(0)).isEqualTo(1);
        assertThat(order.get(3)).isEqualTo(4);
        JsonNode best = teams.get(0);
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("asOfDay").asInt()).isEqualTo(132);
        assertThat(best.get("games").asInt()).isEqualTo(6);
        assertThat(best.get("wins").asInt()).isEqualTo(6);
        assertThat(best.get("name").asString()).isEqualTo("Team 1");
        assertThat(best.get("adjMargin").asDouble()).isGreaterThan(teams.get(1).get("adjMargin").asDouble());
        assertThat(best.get("profile").get("adjOffense").asDouble()).isEqualTo(best.get("adjOffense").asDouble());
        // As of day 2, team 1 has played team 2 twice and nobody else has played at all.
        assertThat(Http.json(http.get("/api/v1/teams?season=2019&asOfDay=2")).size()).isEqualTo(2);
    }

    @Test
    void aGameAfterTheDayChangesNothingAsOfThatDay() {
        importCsv(season());
        JsonNode before = Http.json(http.get("/api/v1/teams?season=2019&asOfDay=12"));

        // Team 4 routs team 1 on day 13: it must move the ratings of day 13, and not those of day 12.
        importCsv(HEADER + row(13, 4, 95, 1, 50, "N"));

        assertThat(Http.json(http.get("/api/v1/teams?season=2019&asOfDay=12"))).isEqualTo(before);
        assertThat(Http.json(http.get("/api/v1/teams?season=2019&asOfDay=13"))).isNotEqualTo(before);
    }

    static Stream<Arguments> badGames() {
        return Stream.of(
                Arguments.of("a team playing itself", row(20, 2, 70, 2, 60, "N"), "LTeamID",
                        "is WTeamID too: a team cannot play itself"),
                Arguments.of("a score that disagrees with its box score",
                        row(20, 1, 70, 2, 60, "N").replace(",1,70,2,60,", ",1,80,2,60,"), "WScore",
                        "disagrees with the box score: 80 against 2·FGM + FGM3 + FTM = 70"),
                Arguments.of("a negative count", row(20, 1, 70, 2, 60, "N").replace(",N,0,", ",N,-1,"), "NumOT",
                        "must not be negative, was -1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGames")
    void refusesABadGameNamingRowAndFieldAndStoresNothing(String name, String badRow, String field, String message) {
        importCsv(season());
        List<String> before = storedRows();

        // Good new games first, the bad one last: none of them may be stored.
        HttpResponse<String> response = importCsv(HEADER + row(14, 1, 70, 3, 60, "N") + badRow);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aJobPlaysTeamsAsRatedOnTheDayItNames() {
        importCsv(season());
        JsonNode rated = Http.json(http.get("/api/v1/teams?season=2019&asOfDay=132"));
        Map<String, Object> body = JobRequests.matchup(1_000, 7L);
        Map<String, Object> matchup = JobRequests.at(body, "matchup");
        matchup.put("teamA", reference(1, 132));
        matchup.put("teamB", reference(4, 132));

        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.json(body));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode job = Http.json(http.get(response.headers().firstValue("Location").orElseThrow()));
        JsonNode teamA = job.get("matchup").get("teamA");
        assertThat(teamA.get("teamId").asInt()).isEqualTo(1);
        assertThat(teamA.get("asOfDay").asInt()).isEqualTo(132);
        assertThat(teamA.get("adjOffense").asDouble()).isEqualTo(rated.get(0).get("adjOffense").asDouble());
        assertThat(teamA.get("tempo").asDouble()).isEqualTo(rated.get(0).get("adjTempo").asDouble());
        // The league of the games themselves (twos: 39 of 84 or so above), not the 2013–2019 default of 0.488.
        assertThat(job.get("league").get("twoPointPct").asDouble()).isNotCloseTo(0.488, offset(0.01));
    }

    @Test
    void aDayWithoutRatingsIsRefusedOnItsField() {
        importCsv(season());
        Map<String, Object> body = JobRequests.matchup(1_000, 7L);
        JobRequests.at(body, "matchup").put("teamA", reference(1, 0));

        HttpResponse<String> beforeTheFirstGame = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(beforeTheFirstGame.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(beforeTheFirstGame).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("matchup.teamA.asOfDay");
        assertThat(error.get("message").asString()).isEqualTo("is before the first game of season 2019");

        JobRequests.at(body, "matchup").put("teamA", reference(1, 500));
        HttpResponse<String> tooLate = http.postJson("/api/v1/jobs", JobRequests.json(body));
        assertThat(tooLate.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLate).get("errors").get(0).get("field").asString())
                .isEqualTo("matchup.teamA.asOfDay");

        HttpResponse<String> list = http.get("/api/v1/teams?season=2019&asOfDay=0");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(Http.json(list).get("errors").get(0).get("field").asString()).isEqualTo("asOfDay");
        assertThat(http.get("/api/v1/teams?season=2030&asOfDay=132").statusCode()).isEqualTo(404);
    }

    private static Map<String, Object> reference(int teamId, int asOfDay) {
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("season", 2019);
        team.put("teamId", teamId);
        team.put("asOfDay", asOfDay);
        return team;
    }
}
