package io.tipoff.worker.chunk;

import io.tipoff.engine.MatchupModel;
import io.tipoff.engine.ParallelSimulation;
import io.tipoff.engine.Simulation;
import io.tipoff.engine.TournamentModel;
import io.tipoff.messaging.Lane;
import io.tipoff.model.Bracket;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.Matchup;
import io.tipoff.model.SimulationSettings;
import io.tipoff.model.TeamProfile;
import io.tipoff.model.Venue;
import io.tipoff.worker.config.WorkerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.Lifecycle;
import org.springframework.stereotype.Component;

/**
 * A new worker (a KEDA scale-up, a fresh VM) plays a matchup and a 64-team bracket of league-average teams on its simulation threads for
 * {@code tipoff.worker.warm-up} before it takes its first chunk, so the JIT has compiled the engine's hot paths and the
 * first job it plays is as fast as the tenth. Only then are the chunk listeners started. Spring Boot reports the
 * worker ready (its readiness probe, and {@code /actuator/health}) only after this runner has returned, so neither an
 * orchestrator nor {@code bin/tipoff up} counts a cold worker as ready.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int BRACKET_TEAMS = 64;

    private final SlicePool pool;
    private final RabbitListenerEndpointRegistry listeners;
    private final int threads;
    private final Duration length;

    WarmUp(SlicePool pool, RabbitListenerEndpointRegistry listeners, WorkerProperties properties) {
        this.pool = pool;
        this.listeners = listeners;
        this.threads = properties.worker().effectiveThreads();
        this.length = properties.worker().warmUp();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!length.isZero()) {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            LeagueAverages league = SimulationSettings.DEFAULTS.league();
            MatchupModel matchup = MatchupModel.of(
                    new Matchup(league.averageTeam("A"), league.averageTeam("B"), Venue.NEUTRAL),
                    SimulationSettings.DEFAULTS);
            TournamentModel tournament = TournamentModel.of(bracket(), SimulationSettings.DEFAULTS);
            long rounds = 0;
            while (System.nanoTime() < end) {
                play(matchup, rounds * 200_000, 200_000);
                play(tournament, rounds * 500, 500);
                rounds++;
            }
            log.info("Warmed up in {} ms ({} rounds of 200,000 games and 500 tournaments)",
                    (System.nanoTime() - start) / 1_000_000, rounds);
        }
        listeners.getListenerContainers().forEach(Lifecycle::start);
    }

    private <A> void play(Simulation<A> simulation, long first, long count) throws InterruptedException {
        ParallelSimulation.run(pool.forChunk(Lane.BATCH), threads, simulation, 1, first, count);
    }

    /** Sixty-four league-average teams of different tempos, in a plain single-elimination bracket. */
    static Bracket bracket() {
        TeamProfile average = SimulationSettings.DEFAULTS.league().averageTeam("Average");
        List<Bracket.Seeded> teams = new ArrayList<>();
        for (int i = 0; i < BRACKET_TEAMS; i++) {
            teams.add(new Bracket.Seeded("T" + i, new TeamProfile("Team " + i, average.tempo() - 3 + i % 7,
                    average.offense(), average.defense())));
        }
        List<Bracket.Slot> slots = new ArrayList<>();
        List<String> sides = teams.stream().map(Bracket.Seeded::seed).toList();
        for (int round = 1; sides.size() > 1; round++) {
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < sides.size(); i += 2) {
                String slot = "R" + round + "G" + i / 2;
                slots.add(new Bracket.Slot(slot, sides.get(i), sides.get(i + 1)));
                winners.add(slot);
            }
            sides = winners;
        }
        return new Bracket(teams, slots);
    }
}
