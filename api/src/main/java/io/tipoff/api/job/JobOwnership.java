package io.tipoff.api.job;

import io.tipoff.api.access.ApiKeyFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A job belongs to the API key that submitted it: a request for one job ({@code /api/v1/jobs/{id}} and everything
 * under it: the job, its result, its events, cancelling it) that is limited to its caller's jobs
 * ({@link ApiKeyFilter#OWNER}) is answered 404 for another key's job, exactly as for a job that does not exist, so that
 * a key learns nothing of the others' jobs. One check for every such endpoint, before the controller runs.
 */
@Component
class JobOwnership implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobOwnership.class);

    private final JobRepository jobs;

    JobOwnership(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/jobs/*", "/api/v1/jobs/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(request.getAttribute(ApiKeyFilter.OWNER) instanceof String owner)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path)
                || !(path.get("id") instanceof String text)) {
            return true;
        }
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return true;  // the controller answers 400 for an id that is not one
        }
        String submitter = jobs.submittedBy(id).orElse(owner);
        if (!submitter.equals(owner)) {
            log.info("Refused {} {} to {}: the job is {}'s", request.getMethod(), request.getRequestURI(), owner,
                    submitter);
            throw new JobNotFoundException(id);
        }
        return true;
    }
}
