package io.tipoff.api.team;

import java.util.List;

/** The answer to an import: how many teams were stored, in total and per season (each season replaced whole). */
record ImportSummary(int teams, List<Season> seasons) {

    record Season(int season, int teams) {
    }
}
