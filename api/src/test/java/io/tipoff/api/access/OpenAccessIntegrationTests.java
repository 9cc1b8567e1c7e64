package io.tipoff.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
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

/** An api without keys (the local default): it says so at start-up, takes anyone's jobs, and counts them as one. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.jobs.max-running-per-key=2"})
class OpenAccessIntegrationTests {

    private static TestServices.Environment services;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services = TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void warnsAtStartUpAndTakesAnyonesJobsCountingThemAsAnonymous(CapturedOutput output) {
        assertThat(output.getAll()).contains("WARN").contains("NO API KEYS CONFIGURED: this api is OPEN");

        Http anonymous = new Http(port);
        assertThat(anonymous.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)).statusCode()).isEqualTo(202);
        // A key sent to an open api is no key at all: it neither fails nor earns an allowance of its own.
        Http someone = anonymous.withHeader("X-API-Key", "whatever-the-client-has-set");
        assertThat(someone.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 2L)).statusCode()).isEqualTo(202);

        HttpResponse<String> third = someone.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 3L));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Http.json(third).get("detail").asString()).startsWith("anonymous has 2 jobs queued or running");
        assertThat(jdbc.sql("select submitted_by from jobs").query(String.class).list())
                .containsExactly("anonymous", "anonymous");
        assertThat(services.awaitMessageCount(services.interactiveQueue(), 2)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from chunk_outbox").query(Long.class).single()).isEqualTo(2);
    }
}
