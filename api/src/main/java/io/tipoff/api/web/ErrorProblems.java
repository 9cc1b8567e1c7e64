package io.tipoff.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container answers by itself (a {@code TRACE}, a body that stopped arriving, an exception no handler
 * took, a request for {@code /error} itself) as a problem too, in place of Spring Boot's own JSON: every error of the
 * api is {@code application/problem+json}, whatever the client accepts. Nothing of the request is echoed but its path.
 */
@RestController
@Hidden  // the container's own error path, not part of the api
class ErrorProblems implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && HttpStatus.resolve(code) != null && code >= 400 ? HttpStatus.valueOf(code) : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(new URI(null, null, path, null));
            } catch (URISyntaxException e) {
                // leave the instance out rather than fail the answer to a failed request
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case NOT_FOUND -> "nothing here";
            case METHOD_NOT_ALLOWED -> request.getMethod() + " is not allowed here";
            case REQUEST_TIMEOUT -> "the request did not arrive in time";
            case BAD_REQUEST -> "the request could not be read";
            default -> status.is5xxServerError() ? "the api could not answer this request; the error is logged"
                    : status.getReasonPhrase();
        };
    }
}
