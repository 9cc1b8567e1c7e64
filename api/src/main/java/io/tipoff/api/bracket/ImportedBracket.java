package io.tipoff.api.bracket;

/** The answer to a bracket import: the season, its seeded teams and its slots (games). */
record ImportedBracket(int season, int teams, int slots) {
}
