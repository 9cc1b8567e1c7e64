package io.tipoff.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem of a feature's exception: each feature's refusals extend Spring's {@code ErrorResponseException} with
 * their status, title and properties, so the one {@link ProblemHandler} answers them without knowing the features.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem with this status, title (null: the status's reason phrase) and detail. */
    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (title != null) {
            problem.setTitle(title);
        }
        return problem;
    }
}
