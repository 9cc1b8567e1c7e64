package io.tipoff.api.bracket;

import io.tipoff.model.Bracket;
import java.util.List;

/**
 * A season's imported bracket as {@code GET /api/v1/seasons/{season}/bracket} shows it.
 *
 * @param seeds by seed; a team's {@code name} is null when a later team import no longer has it
 * @param slots by slot name
 */
record BracketView(int season, List<Seed> seeds, List<Bracket.Slot> slots) {

    record Seed(String seed, Integer teamId, String name) {
    }

    static BracketView of(int season, List<BracketCatalog.SeededTeam> seeds, List<Bracket.Slot> slots) {
        return new BracketView(season, seeds.stream().map(s -> new Seed(s.seed(), teamId(s.teamKey()),
                s.profile() == null ? null : s.profile().name())).toList(), slots);
    }

    /** The key is the team id for every team of a bracket import (its files always carry TeamID). */
    private static Integer teamId(String key) {
        return !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? Integer.valueOf(key) : null;
    }
}
