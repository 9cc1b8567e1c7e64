package io.tipoff.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** Bodies for {@code POST /api/v1/jobs}: a valid matchup to start from, and a way to break one field of it. */
public final class JobRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobRequests() {
    }

    /** The 2019 national final, Virginia against Texas Tech, as a mutable tree. */
    public static Map<String, Object> matchup(long simulations, Long seed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "MATCHUP");
        body.put("simulations", simulations);
        if (seed != null) {
            body.put("seed", seed);
        }
        Map<String, Object> matchup = new LinkedHashMap<>();
        matchup.put("teamA", team("Virginia", 60.7, new double[] {0.525, 0.395, 0.400, 0.147, 0.304, 0.291, 0.745},
                new double[] {0.457, 0.289, 0.426, 0.175, 0.254, 0.263}));
        matchup.put("teamB", team("Texas Tech", 67.5, new double[] {0.528, 0.365, 0.359, 0.177, 0.274, 0.329, 0.730},
                new double[] {0.419, 0.297, 0.415, 0.228, 0.287, 0.366}));
        matchup.put("venue", "NEUTRAL");
        body.put("matchup", matchup);
        return body;
    }

    private static Map<String, Object> team(String name, double tempo, double[] offense, double[] defense) {
        String[] fields = {"twoPointPct", "threePointPct", "threePointRate", "turnoverRate", "offensiveReboundRate",
                "freeThrowRate", "freeThrowPct"};
        Map<String, Object> o = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < offense.length; i++) {
            o.put(fields[i], offense[i]);
        }
        for (int i = 0; i < defense.length; i++) {
            d.put(fields[i], defense[i]);
        }
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", name);
        team.put("tempo", tempo);
        team.put("offense", o);
        team.put("defense", d);
        return team;
    }

    public static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    public static String matchupJson(long simulations, Long seed) {
        return json(matchup(simulations, seed));
    }

    /** The matchup split into chunks of {@code chunkSize} games. */
    public static String matchupJson(long simulations, Long seed, int chunkSize) {
        Map<String, Object> body = matchup(simulations, seed);
        body.put("chunkSize", chunkSize);
        return json(body);
    }

    /** A valid body with one change applied, e.g. {@code b -> at(b, "matchup.teamA").put("tempo", 0)}. */
    public static String with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = matchup(10_000, 1L);
        change.accept(body);
        return json(body);
    }

    /** The nested object at a dotted path of a body. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> at(Map<String, Object> body, String path) {
        Map<String, Object> node = body;
        for (String key : path.split("\\.")) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    /**
     * A TOURNAMENT job of {@code teams} inline teams (a power of two), seeds {@code S1}…, slots {@code G1}… from the
     * first round to the final {@code G<teams-1>}; every team is Virginia's profile under its own name.
     */
    public static Map<String, Object> inlineBracket(int teams, long simulations, long seed) {
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) at(matchup(1, null), "matchup").get("teamA");
        List<Map<String, Object>> seeded = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        for (int i = 1; i <= teams; i++) {
            Map<String, Object> team = new LinkedHashMap<>(profile);
            team.put("name", "Team " + i);
            seeded.add(new LinkedHashMap<>(Map.of("seed", "S" + i, "team", team)));
            sides.add("S" + i);
        }
        List<Map<String, Object>> slots = new ArrayList<>();
        while (sides.size() > 1) {
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < sides.size(); i += 2) {
                String slot = "G" + (slots.size() + 1);
                slots.add(new LinkedHashMap<>(Map.of("slot", slot, "strongSeed", sides.get(i),
                        "weakSeed", sides.get(i + 1))));
                winners.add(slot);
            }
            sides = winners;
        }
        Map<String, Object> tournament = new LinkedHashMap<>();
        tournament.put("teams", seeded);
        tournament.put("slots", slots);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TOURNAMENT");
        body.put("simulations", simulations);
        body.put("seed", seed);
        body.put("tournament", tournament);
        return body;
    }
}
