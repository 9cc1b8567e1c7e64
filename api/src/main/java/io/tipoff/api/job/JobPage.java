package io.tipoff.api.job;

import java.util.List;

/**
 * One page of {@code GET /api/v1/jobs}, newest first.
 *
 * @param next the link to the following page, or null on the last one
 */
record JobPage(List<JobView> jobs, String next) {
}
