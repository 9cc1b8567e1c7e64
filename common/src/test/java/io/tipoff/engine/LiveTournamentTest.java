package io.tipoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.model.Bracket;
import io.tipoff.model.BracketCsv;
import io.tipoff.model.BracketResults;
import io.tipoff.model.GameState;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Tournament;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 2019 bracket (the shared data's seeds, slots and games, beside the project) after its First Four and first round:
 * the decided games are certain, the rest simulated. Teams are made up, stronger by seed: only the bracket matters.
 */
class LiveTournamentTest {

    private static final int TOURNAMENTS = 2_000;

    private static Path shared(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(Path.of("shared", "data", "ncaa", name));
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        Assumptions.assumeTrue(false, "the shared data lives beside the project, in ../shared/data/ncaa");
        return null;
    }

    private record Season(Bracket bracket, Map<String, Integer> teamIds, List<BracketResults.Game> games) {
    }

    private static Season season2019() throws IOException {
        Map<String, Integer> teamIds = new LinkedHashMap<>();
        List<Bracket.Seeded> teams = new ArrayList<>();
        for (BracketCsv.SeedRow row : BracketCsv.seeds(Files.readString(shared("tourney_seeds_2013_2019.csv")))) {
            if (row.season() == 2019) {
                teamIds.put(row.seed(), row.teamId());
                int rank = Integer.parseInt(row.seed().substring(1, 3));
                teams.add(new Bracket.Seeded(row.seed(), team("Team " + row.teamId(), 116 - rank)));
            }
        }
        List<Bracket.Slot> slots = BracketCsv.slots(Files.readString(shared("tourney_slots_2013_2019.csv"))).stream()
                .filter(row -> row.season() == 2019).map(BracketCsv.SlotRow::toSlot).toList();
        List<BracketResults.Game> games = BracketCsv.games(Files.readString(shared("tourney_games_2013_2019.csv")))
                .stream().map(BracketCsv.GameRow::game).filter(g -> g.season() == 2019).toList();
        return new Season(new Bracket(teams, slots), teamIds, games);
    }

    private static TeamProfile team(String name, double offense) {
        TeamProfile average = LeagueAverages.DIVISION_I_2013_2019.averageTeam(name);
        return new TeamProfile(name, average.tempo(), average.offense(), average.defense(), offense,
                2 * LeagueAverages.DIVISION_I_2013_2019.efficiency() - offense);
    }

    private static Map<String, String> through(Season season, int day) {
        return BracketResults.fromGames(season.bracket().slots(), season.teamIds(),
                season.games().stream().filter(g -> g.day() <= day).toList());
    }

    @Test
    void afterTheFirstFourAndTheFirstRoundTheWinnersAreCertainAndTheOthersOut() throws IOException {
        Season season = season2019();
        Map<String, String> results = through(season, 137);
        assertThat(results).hasSize(36);
        TournamentModel model = TournamentModel.of(new Tournament(2019, season.bracket(), results, null),
                SimulationSettings.DEFAULTS);
        TournamentAggregate aggregate = model.simulate(3, 0, TOURNAMENTS);
        TournamentResult result = TournamentResult.of(model, aggregate);

        List<String> winners = new ArrayList<>();
        results.forEach((slot, winner) -> {
            if (slot.startsWith("R1")) {
                winners.add(winner);
            }
        });
        assertThat(winners).hasSize(32);
        int out = 0;
        for (TournamentResult.Team team : result.teams()) {
            boolean in = winners.contains(team.seed());
            for (Map.Entry<String, TournamentResult.Probability> round : team.rounds().entrySet()) {
                TournamentResult.Probability p = round.getValue();
                if (round.getKey().equals("R32")) {
                    assertThat(p.p()).as(team.seed() + " R32").isEqualTo(in ? 1.0 : 0.0);
                    assertThat(p.stdError()).isZero();
                } else if (!in && !round.getKey().equals("R64")) {
                    assertThat(p.p()).as(team.seed() + " " + round.getKey()).isZero();
                }
            }
            out += in ? 0 : 1;
        }
        assertThat(out).isEqualTo(36);
        // Every round's chances add up to its games, exactly in counts.
        long[] perDepth = new long[aggregate.rounds()];
        for (int t = 0; t < model.teams(); t++) {
            for (int d = 0; d < aggregate.rounds(); d++) {
                perDepth[d] += aggregate.reached()[t * aggregate.rounds() + d];
            }
        }
        assertThat(perDepth).containsExactly(TOURNAMENTS, 2L * TOURNAMENTS, 4L * TOURNAMENTS, 8L * TOURNAMENTS,
                16L * TOURNAMENTS, 32L * TOURNAMENTS, 4L * TOURNAMENTS);
        for (String round : List.of("R32", "S16", "E8", "F4", "NCG", "CHAMP")) {
            double sum = result.teams().stream().filter(t -> t.rounds().containsKey(round))
                    .mapToDouble(t -> t.rounds().get(round).p()).sum();
            assertThat(sum).as(round).isCloseTo(64 >> List.of("R64", "R32", "S16", "E8", "F4", "NCG", "CHAMP")
                    .indexOf(round), offset(1e-9));
        }
    }

    @Test
    void resultsPlayTheSameWhateverTheSplitAndLeaveTheOtherGamesTheirStreams() throws IOException {
        Season season = season2019();
        Tournament live = new Tournament(2019, season.bracket(), through(season, 137), null);
        TournamentModel model = TournamentModel.of(live, SimulationSettings.DEFAULTS);
        TournamentAggregate whole = model.simulate(5, 0, 600);
        assertThat(model.simulate(5, 250, 350).merge(model.simulate(5, 0, 250))).isEqualTo(whole);
        assertThat(TournamentModel.of(live, SimulationSettings.DEFAULTS).simulate(5, 0, 600)).isEqualTo(whole);
    }

    @Test
    void aGameInProgressIsPlayedFromItsState() throws IOException {
        Season season = season2019();
        Map<String, String> results = through(season, 137);
        // R2W1: the winners of R1W1 and R1W8; at the horn the strong side leads by one, so it is in the Sweet 16.
        String strong = results.get("R1W1");
        Map<String, GameState> playing = new HashMap<>(Map.of("R2W1", new GameState(2, 0, 70, 69, null)));
        TournamentModel model = TournamentModel.of(new Tournament(2019, season.bracket(), results, playing),
                SimulationSettings.DEFAULTS);
        TournamentResult result = TournamentResult.of(model, model.simulate(3, 0, 500));
        TournamentResult.Team team = result.teams().stream().filter(t -> t.seed().equals(strong)).findFirst()
                .orElseThrow();
        assertThat(team.rounds().get("S16").p()).isEqualTo(1.0);
        Optional<TournamentResult.Team> other = result.teams().stream()
                .filter(t -> t.seed().equals(results.get("R1W8"))).findFirst();
        assertThat(other.orElseThrow().rounds().get("S16").p()).isZero();
    }
}
