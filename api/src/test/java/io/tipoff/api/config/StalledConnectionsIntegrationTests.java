package io.tipoff.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
    /** Far longer than an answer takes, far shorter than the server's read timeout. */
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeEverySocket() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private Socket open(String head) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Headers that promise a large body, and {@code sent} of it. */
    private static String stalledPost(String extraHeaders, long contentLength, String sent) {
        return "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + contentLength + "\r\n\r\n" + sent;
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    private static String answerAndClose(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was left open after: " + answer, e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stalledConnectionsDoNotKeepHealthOrASubmissionWaiting() throws IOException {
        Http http = new Http(port);
        Http alice = http.withHeader("X-API-Key", ALICE_KEY);
        // The first submission of a fresh api warms it up (classes loaded, connections opened): not what is measured.
        assertThat(alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 1L)).statusCode()).isEqualTo(202);
        List<Socket> stalledBodies = new ArrayList<>();
        for (int i = 0; i < STALLED_BODIES; i++) {
            stalledBodies.add(open(stalledPost("", 1_000_000, "{")));
        }
        for (int i = 0; i < STALLED_HEADERS; i++) {
            open("POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
        }

        long start = System.nanoTime();
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        Duration health = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> submitted = alice.postJson("/api/v1/jobs", JobRequests.matchupJson(1_000, 2L));
        Duration submission = Duration.ofNanos(System.nanoTime() - start);

        assertThat(submitted.statusCode()).isEqualTo(202);
        assertThat(health).isLessThan(Duration.ofSeconds(1));
        assertThat(submission).isLessThan(Duration.ofSeconds(1));
        for (Socket socket : stalledBodies) {
            String answer = answerAndClose(socket);
            assertThat(answer).startsWith("HTTP/1.1 401 ").contains("application/problem+json");
        }
    }

    @Test
    void aKeyedPostDeclaringMoreThanTheLimitIsRefusedAtOnceUnread() throws IOException {
        Socket socket = open(stalledPost("X-API-Key: " + ALICE_KEY + "\r\n", 2_000_000, ""));

        String answer = answerAndClose(socket);

        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("application/problem+json")
                .contains("\"limit\":1048576").contains("tipoff.jobs.max-request-size");
    }
}
