package io.tipoff.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.job.JobRequest.DefenseRequest;
import io.tipoff.api.job.JobRequest.OffenseRequest;
import io.tipoff.api.job.JobRequest.TeamRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ProfileOrReferenceTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final OffenseRequest OFFENSE = new OffenseRequest(0.5, 0.35, 0.35, 0.18, 0.3, 0.35, 0.7);
    private static final DefenseRequest DEFENSE = new DefenseRequest(0.5, 0.35, 0.35, 0.18, 0.3, 0.35);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** Each property at fault with its message. */
    private static Map<String, String> problems(TeamRequest team) {
        Map<String, String> problems = new TreeMap<>();
        for (ConstraintViolation<TeamRequest> violation : VALIDATOR.validate(team)) {
            problems.put(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return problems;
    }

    @Test
    void anInlineTeamNeedsItsNameTempoAndRates() {
        assertThat(problems(new TeamRequest("Duke", 73.6, OFFENSE, DEFENSE, null, null, null, null))).isEmpty();
        assertThat(problems(new TeamRequest("Duke", 73.6, OFFENSE, DEFENSE, 118.9, 89.2, null, null))).isEmpty();
        assertThat(problems(new TeamRequest(null, null, null, null, null, null, null, null))).containsOnly(
                Map.entry("name", "is required"), Map.entry("tempo", "is required"),
                Map.entry("offense", "is required"), Map.entry("defense", "is required"));
        assertThat(problems(new TeamRequest(" ", 73.6, OFFENSE, DEFENSE, null, 89.2, null, 1181))).containsOnly(
                Map.entry("name", "is required"), Map.entry("adjOffense", "is required with adjDefense"),
                Map.entry("season", "is required with teamId"));
    }

    @Test
    void aReferenceNeedsASeasonAndAnIdOrANameAndNothingElse() {
        assertThat(problems(new TeamRequest(null, null, null, null, null, null, 2019, 1181))).isEmpty();
        assertThat(problems(new TeamRequest("duke", null, null, null, null, null, 2019, null))).isEmpty();
        assertThat(problems(new TeamRequest(null, null, null, null, null, null, 2019, null)))
                .containsOnly(Map.entry("teamId", "or name is required with season"));
        assertThat(problems(new TeamRequest("Duke", 73.6, OFFENSE, DEFENSE, 118.9, 89.2, 2019, 1181))).containsOnly(
                Map.entry("name", "must not be given with teamId"),
                Map.entry("tempo", "must not be given with season"),
                Map.entry("offense", "must not be given with season"),
                Map.entry("defense", "must not be given with season"),
                Map.entry("adjOffense", "must not be given with season"),
                Map.entry("adjDefense", "must not be given with season"));
    }
}
