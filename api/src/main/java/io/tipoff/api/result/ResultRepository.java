package io.tipoff.api.result;

import io.tipoff.api.job.JobNotFoundException;
import io.tipoff.model.JobStatus;
import io.tipoff.model.JobType;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a job's result row, or says why there is none yet. */
@Repository
class ResultRepository {

    private final JdbcClient jdbc;

    ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A job's result as stored: JSON of a MatchupResult or a TournamentResult, as its type says, and for a job with a
     * precision target why it stopped ({@code TARGET_MET} or {@code CAP_REACHED}; null without a target).
     */
    record StoredResult(JobType type, String json, String stopReason) {

        /** The result as served: the stored JSON, led by {@code "stopReason"} when the job had a target. */
        String served() {
            return stopReason == null ? json : "{\"stopReason\":\"" + stopReason + "\"," + json.substring(1);
        }
    }

    /** The stored result; throws when the job is unknown or not completed. */
    StoredResult find(UUID id) {
        record Row(String type, String status, String result, String stopReason) {
        }
        Row row = jdbc.sql("""
                        select j.type, j.status, j.stop_reason, r.result
                        from jobs j left join job_results r on r.job_id = j.id
                        where j.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getString("type"), rs.getString("status"), rs.getString("result"),
                        rs.getString("stop_reason")))
                .optional()
                .orElseThrow(() -> new JobNotFoundException(id));
        if (row.result() == null) {
            throw new ResultNotReadyException(id, JobStatus.valueOf(row.status()));
        }
        return new StoredResult(JobType.valueOf(row.type()), row.result(), row.stopReason());
    }
}
