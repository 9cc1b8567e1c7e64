package io.tipoff.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a running api, so tests see exactly the bytes and headers a user would. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers;

    public Http(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A client that sends one more header with every request (an {@code X-API-Key}, say). */
    public Http withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, more);
    }

    /** A request to {@code path} with this client's headers. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        return request;
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A {@code multipart/form-data} upload of text files, one part per entry, each named for its part. */
    public HttpResponse<String> postFiles(String path, Map<String, String> files) {
        String boundary = "tipoff-test-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                .append(name).append(".csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n")
                .append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return post(path, "multipart/form-data; boundary=" + boundary, body.toString());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    /** A JSON post with one more header (an Idempotency-Key, say). */
    public HttpResponse<String> postJson(String path, String body, String header, String value) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** Opens {@code GET path} as a browser's {@code EventSource} does ({@code Accept: text/event-stream}). */
    public EventStream events(String path) {
        try {
            return new EventStream(client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How long a test waits for a job to complete: long enough for a shared, busy machine. */
    public static final Duration JOB_WAIT = Duration.ofMinutes(3);

    /**
     * Waits until job {@code id} is COMPLETED, as its client would see it ({@code GET /api/v1/jobs/{id}}), and returns
     * that view; fails as soon as the job is anything but queued, running or completed.
     */
    public JsonNode awaitCompleted(String id) {
        return Waits.until("job " + id + " completed", JOB_WAIT, () -> json(get("/api/v1/jobs/" + id)), job -> {
            String status = job.get("status").asString();
            if (!List.of("QUEUED", "RUNNING", "COMPLETED").contains(status)) {
                throw new AssertionError("job " + id + " ended " + status + ": " + job);
            }
            return status.equals("COMPLETED");
        });
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
