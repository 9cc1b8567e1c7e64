package io.tipoff.engine;

import io.tipoff.model.Bracket;
import io.tipoff.model.LeagueAverages;
import io.tipoff.model.TeamProfile;
import java.util.ArrayList;
import java.util.List;

/** Small brackets for the engine's and the pools' tests. */
public final class TestBrackets {

    private TestBrackets() {
    }

    /** Eight teams, the two weakest in a play-in: A1 … A7 and the winner of A8a / A8b. */
    public static Bracket eightTeams() {
        List<Bracket.Seeded> teams = new ArrayList<>();
        for (int seed = 1; seed <= 7; seed++) {
            teams.add(new Bracket.Seeded("A" + seed, team("Team " + seed, 110 - 2 * seed)));
        }
        teams.add(new Bracket.Seeded("A8a", team("Team 8a", 94)));
        teams.add(new Bracket.Seeded("A8b", team("Team 8b", 93)));
        List<Bracket.Slot> slots = List.of(
                new Bracket.Slot("A8", "A8a", "A8b"),
                new Bracket.Slot("R1A1", "A1", "A8"),
                new Bracket.Slot("R1A2", "A2", "A7"),
                new Bracket.Slot("R1A3", "A3", "A6"),
                new Bracket.Slot("R1A4", "A4", "A5"),
                new Bracket.Slot("R2A1", "R1A1", "R1A4"),
                new Bracket.Slot("R2A2", "R1A2", "R1A3"),
                new Bracket.Slot("R3", "R2A1", "R2A2"));
        return new Bracket(teams, slots);
    }

    /** An average team whose adjusted offense is {@code offense} points per 100 and whose defense mirrors it. */
    public static TeamProfile team(String name, double offense) {
        TeamProfile average = LeagueAverages.DIVISION_I_2013_2019.averageTeam(name);
        return new TeamProfile(name, average.tempo(), average.offense(), average.defense(), offense,
                2 * LeagueAverages.DIVISION_I_2013_2019.efficiency() - offense);
    }

}
