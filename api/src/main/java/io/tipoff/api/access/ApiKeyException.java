package io.tipoff.api.access;

import io.tipoff.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request without the API key it needs, or with a key that is not configured: 401, with {@code WWW-Authenticate} as
 * RFC 9110 asks of a 401 (there is no registered scheme for a key in a header).
 */
public class ApiKeyException extends ErrorResponseException {

    ApiKeyException(String detail) {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "API key required", detail), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"tipoff\", header=\"X-API-Key\"");
    }
}
