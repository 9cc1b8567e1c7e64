package io.tipoff.api.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets a request through only with a configured API key in {@code X-API-Key} when it may change state (any method but
 * GET, HEAD and OPTIONS, on any path), and for reads of {@code /api/} too with {@code tipoff.security.protect-reads}.
 * A key that is sent must be right, even where none is needed. It runs before anything reads the body, so a refused
 * request costs no parsing; the 401 problem is written by the same handler as every other problem.
 *
 * <p>Whoever passes is named in the request attribute {@link #CALLER}: the key's configured name, or
 * {@link #ANONYMOUS} when no key is configured (the api is open). A job belongs to the key that submitted it:
 * {@link #OWNER} names the key whose jobs alone this request may change (cancel), or read where reads are protected;
 * it is absent where the request may touch every job (an open api, an admin key, a public read).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)  // before the filters that look at a body, which it never reads
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    public static final String HEADER = "X-API-Key";
    public static final String CALLER = "io.tipoff.api.access.caller";
    public static final String ANONYMOUS = "anonymous";
    public static final String OWNER = "io.tipoff.api.access.owner";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeys keys;
    private final HandlerExceptionResolver problems;

    ApiKeyFilter(ApiKeys keys, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keys.open()) {
            request.setAttribute(CALLER, ANONYMOUS);
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        Optional<String> caller = key == null ? Optional.empty() : keys.identify(key);
        if (key != null && caller.isEmpty()) {
            refuse(request, response, "the " + HEADER + " header holds no valid API key");
        } else if (caller.isEmpty() && needsKey(request)) {
            refuse(request, response, "this request needs an API key in the " + HEADER + " header");
        } else {
            caller.ifPresent(name -> {
                request.setAttribute(CALLER, name);
                if (!keys.admin(name) && (!READS.contains(request.getMethod()) || keys.protectReads())) {
                    request.setAttribute(OWNER, name);
                }
            });
            chain.doFilter(request, response);
            if (!READS.contains(request.getMethod())) {
                // Every change of state, or attempt at one, with the name of the key that made it.
                log.info("{} {} by {}: {}", request.getMethod(), request.getRequestURI(), caller.orElseThrow(),
                        response.getStatus());
            }
        }
    }

    /**
     * Anything that may change state; a read of the api with protected reads. The servlet path is the decoded and
     * normalized one, so {@code /x/../api/…} is a read of the api as well.
     */
    private boolean needsKey(HttpServletRequest request) {
        return !READS.contains(request.getMethod())
                || keys.protectReads() && (request.getServletPath() + pathInfo(request)).startsWith("/api/");
    }

    private static String pathInfo(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) {
        log.info("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                detail);
        if (problems.resolveException(request, response, null, new ApiKeyException(detail)) == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
