package io.tipoff.api.job;

import static io.tipoff.api.web.OpenApiConfig.BAD_REQUEST;
import static io.tipoff.api.web.OpenApiConfig.CONTENT_TOO_LARGE;
import static io.tipoff.api.web.OpenApiConfig.IDEMPOTENCY_KEY_REUSED;
import static io.tipoff.api.web.OpenApiConfig.JOB_FINISHED;
import static io.tipoff.api.web.OpenApiConfig.NOT_FOUND;
import static io.tipoff.api.web.OpenApiConfig.SERVICE_UNAVAILABLE;
import static io.tipoff.api.web.OpenApiConfig.TOO_MANY_RUNNING_JOBS;
import static io.tipoff.api.web.OpenApiConfig.UNSUPPORTED_MEDIA_TYPE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tipoff.api.access.ApiKeyFilter;
import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.model.JobStatus;
import io.tipoff.model.Text;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Submitting jobs and following them: {@code /api/v1/jobs}. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Submit simulation jobs, follow them, cancel them")
class JobController {

    private static final Logger log = LoggerFactory.getLogger(JobController.class);

    static final int MAX_PAGE = 100;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    private final JobService service;
    private final JobRepository jobs;
    private final JsonMapper json;

    JobController(JobService service, JobRepository jobs, JsonMapper json) {
        this.service = service;
        this.jobs = jobs;
        this.json = json;
    }

    /**
     * 202 with the new job; with an {@code Idempotency-Key} already used for the same request, 200 with the job that
     * request made (nothing new is stored or published).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a job", description = "Stores the job and its chunks in one transaction and "
            + "publishes the chunks. The same `seed` gives the same result. With an `Idempotency-Key`, a retried "
            + "request gets the job the first one made.")
    @ApiResponse(responseCode = "202", description = "Accepted: the new job; `Location` is its address")
    @ApiResponse(responseCode = "200", description = "The job an earlier request with the same Idempotency-Key made")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = IDEMPOTENCY_KEY_REUSED)
    @ApiResponse(responseCode = "429", ref = TOO_MANY_RUNNING_JOBS)
    @ApiResponse(responseCode = "503", ref = SERVICE_UNAVAILABLE)
    ResponseEntity<JobView> submit(@Valid @RequestBody JobRequest request,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                   @RequestAttribute(ApiKeyFilter.CALLER) String caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (idempotencyKey != null) {
            Text.problem(idempotencyKey, MAX_KEY_LENGTH).ifPresent(problem -> {
                throw new InvalidFieldException(IDEMPOTENCY_KEY, problem);
            });
        }
        JobService.Submitted submitted = service.submit(request, caller, idempotencyKey,
                idempotencyKey == null ? null : hash(request));
        JobView job = submitted.job();
        return (submitted.replayed() ? ResponseEntity.ok() : ResponseEntity.accepted())
                .location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    /**
     * Cancels a queued or running job: 200 with the cancelled job (again for a cancelled one), 409 if it finished. With
     * {@code purge=true}, deletes the job with everything stored of it (its chunks, result and idempotency key), 204,
     * whatever its status: an unfinished one is cancelled as it goes, and a worker that still holds one of its chunks
     * drops it. Either only for the key that submitted it (or an admin key): {@link JobOwnership}.
     */
    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a job, or delete it", description = "Workers drop its remaining chunks without "
            + "playing them. With `purge=true` the job, its chunks and its result are removed for good (204).")
    @ApiResponse(responseCode = "200", description = "The cancelled job (also for a job cancelled before)")
    @ApiResponse(responseCode = "204", description = "Deleted (purge=true)")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = JOB_FINISHED)
    ResponseEntity<JobView> cancel(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean purge,
                                   @RequestAttribute(ApiKeyFilter.CALLER) String caller) {
        if (!purge) {
            return ResponseEntity.ok(service.cancel(id, caller));
        }
        if (!jobs.delete(id)) {
            throw new JobNotFoundException(id);
        }
        try (MDC.MDCCloseable logged = MDC.putCloseable("jobId", id.toString())) {
            log.info("Job deleted by {}", caller);
        }
        return ResponseEntity.noContent().build();
    }

    /** What tells a retried request from a different one: the request as parsed, not its whitespace. */
    private String hash(JobRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job: its status, progress and what it plays")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    JobView get(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    @GetMapping
    @Operation(summary = "Jobs, newest first", description = "`next` is the address of the following page, if any. "
            + "Where reads need a key, a key lists its own jobs (an admin key every job).")
    @ApiResponse(responseCode = "200", description = "A page of jobs")
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    JobPage list(@RequestParam(required = false) JobStatus status,
                 @RequestParam(defaultValue = "20") int limit,
                 @RequestParam(required = false) UUID before,
                 @RequestAttribute(name = ApiKeyFilter.OWNER, required = false) String owner) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (before != null && jobs.submittedBy(before).filter(by -> owner == null || owner.equals(by)).isEmpty()) {
            throw new InvalidFieldException("before", "names no job");
        }
        List<JobView> page = jobs.list(status, limit, before, owner);
        String next = page.size() < limit ? null : UriComponentsBuilder.fromPath("/api/v1/jobs")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParam("limit", limit)
                .queryParam("before", page.get(page.size() - 1).id())
                .toUriString();
        return new JobPage(page, next);
    }
}
