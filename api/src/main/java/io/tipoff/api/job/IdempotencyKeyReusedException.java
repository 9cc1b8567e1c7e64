package io.tipoff.api.job;

/** An {@code Idempotency-Key} sent again with a different request: answered with 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was used before with a different request");
    }
}
