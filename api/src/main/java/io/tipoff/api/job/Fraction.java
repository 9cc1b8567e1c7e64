package io.tipoff.api.job;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rate in a team profile: required, a fraction between 0 and 1. */
@NotNull
@DecimalMin("0")
@DecimalMax("1")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface Fraction {

    String message() default "must be a fraction between 0 and 1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
