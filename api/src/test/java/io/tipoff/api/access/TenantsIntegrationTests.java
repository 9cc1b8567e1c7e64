package io.tipoff.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Keys kept apart: alice and bob each with their own jobs and idempotency keys, reads protected, and ops, an admin
 * key, who sees and may cancel every job. Against real PostgreSQL and RabbitMQ, no worker.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.security.api-keys=" + AccessIntegrationTests.ALICE + "," + AccessIntegrationTests.BOB,
        "tipoff.security.admin-keys=" + TenantsIntegrationTests.OPS, "tipoff.security.protect-reads=true"})
class TenantsIntegrationTests {

    static final String OPS_KEY = "ops-key-0123456789abcdef";
    static final String OPS = "ops:" + OPS_KEY;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http alice;
    Http bob;
    Http ops;

    @BeforeEach
    void emptySystem() {
        Http anonymous = new Http(port);
        alice = anonymous.withHeader("X-API-Key", AccessIntegrationTests.ALICE_KEY);
        bob = anonymous.withHeader("X-API-Key", AccessIntegrationTests.BOB_KEY);
        ops = anonymous.withHeader("X-API-Key", OPS_KEY);
        jdbc.sql(TestServices.DELETE_JOBS).update();
    }

    private static String submit(Http http) {
        HttpResponse<String> response = http.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L));
        assertThat(response.statusCode()).isEqualTo(202);
        return Http.json(response).get("id").asString();
    }

    private static List<String> listed(Http http) {
        HttpResponse<String> response = http.get("/api/v1/jobs");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Http.json(response).get("jobs").forEach(job -> ids.add(job.get("id").asString()));
        return ids;
    }

    @Test
    void anIdempotencyKeyIsTheSubmittingKeysOwn() {
        String body = JobRequests.matchupJson(1_000, 5L);
        HttpResponse<String> alices = alice.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-1");
        HttpResponse<String> bobs = bob.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-1");

        assertThat(alices.statusCode()).isEqualTo(202);
        assertThat(bobs.statusCode()).as("bob's first use of the key is his own job").isEqualTo(202);
        String aliceJob = Http.json(alices).get("id").asString();
        String bobJob = Http.json(bobs).get("id").asString();
        assertThat(bobJob).isNotEqualTo(aliceJob);
        HttpResponse<String> aliceAgain = alice.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-1");
        assertThat(aliceAgain.statusCode()).isEqualTo(200);
        assertThat(Http.json(aliceAgain).get("id").asString()).isEqualTo(aliceJob);

        // bob taking a key first does not stop alice using it for another request.
        assertThat(bob.postJson("/api/v1/jobs", JobRequests.matchupJson(2_000, 5L), "Idempotency-Key", "order-2")
                .statusCode()).isEqualTo(202);
        assertThat(alice.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-2").statusCode()).isEqualTo(202);
        assertThat(bob.postJson("/api/v1/jobs", body, "Idempotency-Key", "order-2").statusCode()).isEqualTo(422);
    }

    @Test
    void anotherKeysJobCannotBeReadListedOrCancelled(CapturedOutput output) {
        String aliceJob = submit(alice);
        String bobJob = submit(bob);

        for (String path : List.of("/api/v1/jobs/" + aliceJob, "/api/v1/jobs/" + aliceJob + "/result",
                "/api/v1/jobs/" + aliceJob + "/events")) {
            HttpResponse<String> response = bob.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(Http.json(response).get("detail").asString()).isEqualTo("no job with id " + aliceJob);
        }
        assertThat(bob.delete("/api/v1/jobs/" + aliceJob).statusCode()).isEqualTo(404);
        assertThat(bob.delete("/api/v1/jobs/" + aliceJob + "?purge=true").statusCode()).isEqualTo(404);
        assertThat(bob.get("/api/v1/jobs?before=" + aliceJob).statusCode()).isEqualTo(400);
        assertThat(listed(bob)).containsExactly(bobJob);
        assertThat(listed(alice)).containsExactly(aliceJob);
        JsonNode still = Http.json(alice.get("/api/v1/jobs/" + aliceJob));
        assertThat(still.get("status").asString()).isEqualTo("QUEUED");
        assertThat(output.getOut()).contains("Job accepted from alice").contains("Job accepted from bob")
                .contains("Refused DELETE /api/v1/jobs/" + aliceJob + " to bob: the job is alice's");
    }

    @Test
    void anAdminKeySeesAndCancelsEveryJob(CapturedOutput output) {
        String aliceJob = submit(alice);
        String bobJob = submit(bob);

        assertThat(listed(ops)).containsExactlyInAnyOrder(aliceJob, bobJob);
        assertThat(ops.get("/api/v1/jobs/" + aliceJob).statusCode()).isEqualTo(200);
        HttpResponse<String> cancelled = ops.delete("/api/v1/jobs/" + bobJob);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(output.getOut()).contains("Job cancelled by ops")
                .contains("DELETE /api/v1/jobs/" + bobJob + " by ops: 200");
        String opsJob = submit(ops);
        assertThat(listed(alice)).containsExactly(aliceJob).doesNotContain(opsJob);
    }
}
