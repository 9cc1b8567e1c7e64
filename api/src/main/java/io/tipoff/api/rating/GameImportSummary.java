package io.tipoff.api.rating;

import java.util.List;

/**
 * The answer to a games import.
 *
 * @param games  games in the file
 * @param stored of them, those added or corrected; importing the same file again stores none
 */
record GameImportSummary(int games, int stored, List<Season> seasons) {

    record Season(int season, int games, int stored) {
    }
}
