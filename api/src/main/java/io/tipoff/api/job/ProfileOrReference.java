package io.tipoff.api.job;

import io.tipoff.api.job.JobRequest.TeamRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A team of a job is either inline (name, tempo, offense, defense) or a reference to an imported season (season with
 * teamId or name), never a mix. Each field at fault is reported on its own path ({@code matchup.teamA.tempo}), like the
 * field constraints, so a user sees the same shape of error whichever rule was broken.
 */
@Constraint(validatedBy = ProfileOrReference.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ProfileOrReference {

    String message() default "must be a team profile or a reference to an imported team";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ProfileOrReference, TeamRequest> {

        @Override
        public boolean isValid(TeamRequest team, ConstraintValidatorContext context) {
            if (team == null) {
                return true;
            }
            Problems problems = new Problems(context);
            if (team.name() != null && team.name().isBlank()) {
                problems.add("name", "is required");
            }
            if (team.isReference()) {
                if (team.teamId() == null && team.name() == null) {
                    problems.add("teamId", "or name is required with season");
                }
                if (team.teamId() != null && team.name() != null) {
                    problems.add("name", "must not be given with teamId");
                }
                problems.absent("tempo", team.tempo());
                problems.absent("offense", team.offense());
                problems.absent("defense", team.defense());
                problems.absent("adjOffense", team.adjOffense());
                problems.absent("adjDefense", team.adjDefense());
            } else {
                if (team.teamId() != null) {
                    problems.add("season", "is required with teamId");
                }
                if (team.asOfDay() != null) {
                    problems.add("season", "is required with asOfDay");
                }
                problems.required("name", team.name());
                problems.required("tempo", team.tempo());
                problems.required("offense", team.offense());
                problems.required("defense", team.defense());
                // The adjusted efficiencies measure a team against the same average opponent: one alone means nothing.
                if (team.adjOffense() == null && team.adjDefense() != null) {
                    problems.add("adjOffense", "is required with adjDefense");
                }
                if (team.adjDefense() == null && team.adjOffense() != null) {
                    problems.add("adjDefense", "is required with adjOffense");
                }
            }
            return problems.none();
        }
    }

    /** The violations of one team, each on its own property. */
    final class Problems {

        private final ConstraintValidatorContext context;
        private boolean any;

        Problems(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void add(String property, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(property).addConstraintViolation();
            any = true;
        }

        void required(String property, Object value) {
            if (value == null) {
                add(property, "is required");
            }
        }

        void absent(String property, Object value) {
            if (value != null) {
                add(property, "must not be given with season");
            }
        }

        boolean none() {
            return !any;
        }
    }
}
