package io.tipoff.api.web;

import io.tipoff.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a JSON or CSV body whose declared length is over its limit (413) before anything waits for a byte of it.
 * {@link BodyLimit} checks the same limits as it reads, but Spring reads a body's first byte (to tell an empty body)
 * before any advice runs, so a client that declared 2 MB and sent nothing held a thread until the read timed out
 * (a 408 after a minute) instead of getting its 413. Runs after the key check: a request without a key gets its 401.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DeclaredBodyLimit extends OncePerRequestFilter {

    private final ApiProperties properties;
    private final HandlerExceptionResolver problems;

    DeclaredBodyLimit(ApiProperties properties,
                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        String type = request.getContentType();
        if (declared > 0 && type != null) {
            MediaType mediaType = parse(type);
            if (MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)) {
                refuseAbove(declared, properties.jobs().maxRequestSize(), "tipoff.jobs.max-request-size", request,
                        response, chain);
                return;
            }
            if (MediaType.parseMediaType("text/csv").isCompatibleWith(mediaType)) {
                refuseAbove(declared, properties.teams().maxUploadSize(), "tipoff.teams.max-upload-size", request,
                        response, chain);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuseAbove(long declared, DataSize limit, String property, HttpServletRequest request,
                             HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (declared <= limit.toBytes()) {
            chain.doFilter(request, response);
        } else if (problems.resolveException(request, response, null, BodyLimit.tooLarge(limit, property)) == null) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    private static MediaType parse(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;  // Spring answers 415 for it later
        }
    }
}
