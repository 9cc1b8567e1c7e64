package io.tipoff.api.access;

/** A request without the API key it needs, or with a key that is not configured: 401. */
public class ApiKeyException extends RuntimeException {

    ApiKeyException(String detail) {
        super(detail);
    }
}
