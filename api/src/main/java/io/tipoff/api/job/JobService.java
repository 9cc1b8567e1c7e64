package io.tipoff.api.job;

import io.tipoff.api.config.ApiProperties;
import io.tipoff.model.JobSpec;
import io.tipoff.model.JobType;
import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Accepting a job: check it against the configured limits, store it with its chunk plan, then publish its chunks.
 * The job is committed before anything is published, so a chunk never points at a job that does not exist; a job whose
 * chunks could not be published (broker down, api killed in between) is published again by {@link #republish()}.
 * Publishing twice is harmless: a worker counts each chunk once.
 */
@Service
class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    /** Seeds chosen for the user stay below 2^53 so that JavaScript clients read them exactly. */
    private static final long RANDOM_SEED_BOUND = 1L << 53;

    private final JobRepository jobs;
    private final ChunkPublisher publisher;
    private final ApiProperties properties;
    private final SecureRandom seeds = new SecureRandom();

    JobService(JobRepository jobs, ChunkPublisher publisher, ApiProperties properties) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.properties = properties;
    }

    JobView submit(JobRequest request) {
        ApiProperties.Jobs limits = properties.jobs();
        if (request.simulations() > limits.maxSimulations()) {
            throw new InvalidFieldException("simulations", "must be at most " + limits.maxSimulations());
        }
        if (request.type() == JobType.MATCHUP && request.matchup() == null) {
            throw new InvalidFieldException("matchup", "is required for a MATCHUP job");
        }
        int chunkSize = request.chunkSize() != null ? request.chunkSize() : limits.defaultChunkSize();
        ChunkPlan plan = ChunkPlan.of(request.simulations(), chunkSize);
        if (plan.chunks() > limits.maxChunks()) {
            throw new InvalidFieldException("chunkSize",
                    "splits the job into " + plan.chunks() + " chunks; at most " + limits.maxChunks() + " allowed");
        }
        JobSpec spec = new JobSpec(request.type(), request.matchup().toMatchup(), properties.simulation().settings());
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(RANDOM_SEED_BOUND);
        UUID id = UUID.randomUUID();
        jobs.insert(id, spec, seed, plan);
        publish(id, plan, Set.of());
        return jobs.find(id).orElseThrow();
    }

    /** Publishes the chunks of jobs that were accepted but never confirmed by the broker. */
    @Scheduled(fixedDelayString = "${tipoff.jobs.republish-check:5s}")
    void republish() {
        for (JobRepository.UnpublishedJob job : jobs.unpublished(properties.jobs().republishAfter())) {
            publish(job.id(), job.plan(), jobs.completedChunks(job.id()));
        }
    }

    private void publish(UUID id, ChunkPlan plan, Set<Integer> done) {
        try {
            publisher.publish(plan.messages(id, done));
            jobs.markPublished(id);
        } catch (RuntimeException e) {
            log.warn("Job {}: chunks not confirmed by the broker, will publish again: {}", id, e.toString());
        }
    }
}
