package io.tipoff.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An api whose reads need a key too ({@code tipoff.security.protect-reads}); health stays public for probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.security.api-keys=" + AccessIntegrationTests.ALICE, "tipoff.security.protect-reads=true"})
class ProtectedReadsIntegrationTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void readingTheApiNeedsAKeyButHealthDoesNot() {
        Http anonymous = new Http(port);
        Http alice = anonymous.withHeader("X-API-Key", AccessIntegrationTests.ALICE_KEY);
        String id = Http.json(alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L))).get("id").asString();

        for (String path : List.of("/api/v1/jobs", "/api/v1/jobs/" + id, "/api/v1/jobs/" + id + "/result",
                "/api/v1/queue", "/api/v1/teams", "/api/v1/teams/seasons", "/api/v1/seasons/2019/bracket",
                "/x/../api/v1/jobs")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(alice.get("/api/v1/jobs/" + id).statusCode()).isEqualTo(200);
        assertThat(alice.get("/api/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
