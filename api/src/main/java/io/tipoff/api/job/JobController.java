package io.tipoff.api.job;

import io.tipoff.model.JobStatus;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Submitting jobs and following them: {@code /api/v1/jobs}. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    static final int MAX_PAGE = 100;

    private final JobService service;
    private final JobRepository jobs;

    JobController(JobService service, JobRepository jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submit(@Valid @RequestBody JobRequest request) {
        JobView job = service.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    @GetMapping
    JobPage list(@RequestParam(required = false) JobStatus status,
                 @RequestParam(defaultValue = "20") int limit,
                 @RequestParam(required = false) UUID before) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (before != null && jobs.find(before).isEmpty()) {
            throw new InvalidFieldException("before", "names no job");
        }
        List<JobView> page = jobs.list(status, limit, before);
        String next = page.size() < limit ? null : UriComponentsBuilder.fromPath("/api/v1/jobs")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParam("limit", limit)
                .queryParam("before", page.get(page.size() - 1).id())
                .toUriString();
        return new JobPage(page, next);
    }
}
