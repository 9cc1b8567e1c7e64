package io.tipoff.api.job;

import io.tipoff.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An {@code Idempotency-Key} sent again with a different request: answered with 422. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    public IdempotencyKeyReusedException(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                "Idempotency-Key " + key + " was used before with a different request"), null);
    }
}
