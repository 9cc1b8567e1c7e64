package io.tipoff.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.StalledConnections;
import io.tipoff.testing.TestServices;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A public api that a crowd of stalled connections cannot starve: requests refused before their body is read (no key,
 * a declared body too large) are answered and their connections closed at once, without waiting for the body; clients
 * that stall in their headers hold no thread. Meanwhile health and a real submission are answered in under a second.
 * Every socket goes to 127.0.0.1 only, their number is bounded, and the test closes them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ApiApplication.CONFIG_NAME,
        "tipoff.security.api-keys=alice:alice-key-0123456789abcdef"})
class StalledConnectionsIntegrationTests {

    private static final String ALICE_KEY = "alice-key-0123456789abcdef";
    private static final int STALLED_BODIES = 200;
    private static final int STALLED_HEADERS = 50;
    private static final Duration HELD_THREAD = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    private StalledConnections connections;

    @BeforeEach
    void connections() {
        connections = new StalledConnections(port);
    }

    @AfterEach
    void closeEverySocket() throws IOException {
        connections.close();
    }

    @Test
    void stalledConnectionsDoNotKeepHealthOrASubmissionWaiting() throws IOException {
        Http http = new Http(port);
        Http alice = http.withHeader("X-API-Key", ALICE_KEY);
        // The first submission of a fresh api warms it up (classes loaded, connections opened): not what is measured.
        assertThat(alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)).statusCode()).isEqualTo(202);
        List<Socket> stalledBodies = new ArrayList<>();
        for (int i = 0; i < STALLED_BODIES; i++) {
            stalledBodies.add(connections.open(StalledConnections.post("", 1_000_000, "{")));
        }
        for (int i = 0; i < STALLED_HEADERS; i++) {
            connections.open(StalledConnections.cutHead());
        }

        long start = System.nanoTime();
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        Duration health = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> submitted = alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 2L));
        Duration submission = Duration.ofNanos(System.nanoTime() - start);

        assertThat(submitted.statusCode()).isEqualTo(202);
        // Were the stalled connections holding the request threads, both would wait out Tomcat's 10 s connection
        // timeout; half of that tells the two apart on a busy shared machine, where a quick answer can take a second.
        assertThat(health).isLessThan(HELD_THREAD);
        assertThat(submission).isLessThan(HELD_THREAD);
        for (Socket socket : stalledBodies) {
            String answer = StalledConnections.answerAndClose(socket);
            assertThat(answer).startsWith("HTTP/1.1 401 ").contains("application/problem+json");
        }
    }

    @Test
    void aKeyedPostDeclaringMoreThanTheLimitIsRefusedAtOnceUnread() throws IOException {
        Socket socket = connections.open(StalledConnections.post("X-API-Key: " + ALICE_KEY + "\r\n", 2_000_000, ""));

        String answer = StalledConnections.answerAndClose(socket);

        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("application/problem+json")
                .contains("\"limit\":1048576").contains("tipoff.jobs.max-request-size");
    }
}
