package io.tipoff.api.job;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rate in a team profile: required, a fraction between 0 and 1. */
@Constraint(validatedBy = Fraction.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface Fraction {

    String message() default "must be a fraction between 0 and 1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says "is required" for a missing rate, and the bounds with the value for one out of range. */
    class Validator implements ConstraintValidator<Fraction, Double> {

        @Override
        public boolean isValid(Double value, ConstraintValidatorContext context) {
            if (value != null && value >= 0 && value <= 1) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(value == null ? "is required"
                            : "must be a fraction between 0 and 1, was " + value)
                    .addConstraintViolation();
            return false;
        }
    }
}
