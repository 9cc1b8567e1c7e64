package io.tipoff.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command-line tools' side of the HTTP API: imports, jobs run to completion. Any answer that is not the expected
 * one becomes an {@link IllegalStateException} saying what was asked and the problem's {@code detail}. Every request
 * carries the API key of {@code TIPOFF_API_KEY} in {@code X-API-Key} when that is set (an api without keys ignores it).
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(String url) {
        this.url = url;
    }

    /** A request to {@code uri} with the user's API key, if any: from the environment, never from the command line. */
    static HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String key = System.getenv("TIPOFF_API_KEY");
        return key == null || key.isBlank() ? request : request.header("X-API-Key", key.strip());
    }

    /** {@code POST /api/v1/teams/import} of a Torvik file; the api's summary ({@code teams}, {@code seasons}). */
    JsonNode importTeams(Path file) throws IOException, InterruptedException {
        return importCsv("/api/v1/teams/import", file, "team data");
    }

    /**
     * {@code POST /api/v1/games/import} of a season's games; the api's summary ({@code games}, {@code stored},
     * {@code seasons}).
     */
    JsonNode importGames(Path file) throws IOException, InterruptedException {
        return importCsv("/api/v1/games/import", file, "games");
    }

    /** {@code POST /api/v1/seasons/{season}/picks} of a Who Picked Whom file; the api's summary. */
    JsonNode importPicks(int season, Path file) throws IOException, InterruptedException {
        return importCsv("/api/v1/seasons/" + season + "/picks", file, "public picks");
    }

    private JsonNode importCsv(String path, Path file, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(uri(path))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the api refused the " + what + " of " + file.getFileName() + ": "
                    + problem(response));
        }
        return JSON.readTree(response.body());
    }

    /** The job as {@code GET /api/v1/jobs/{id}} shows it (its teams as played, its league). */
    JsonNode job(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(uri("/api/v1/jobs/" + id)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("job " + id + ": " + problem(response));
        }
        return JSON.readTree(response.body());
    }

    /**
     * {@code POST /api/v1/seasons/{season}/bracket} with a seeds and a slots file (which may hold other seasons); the
     * api's summary ({@code season}, {@code teams}, {@code slots}).
     */
    JsonNode importBracket(int season, Path seeds, Path slots) throws IOException, InterruptedException {
        Map<String, Path> parts = new LinkedHashMap<>();
        parts.put("seeds", seeds);
        parts.put("slots", slots);
        String boundary = "tipoff-" + UUID.randomUUID();
        HttpResponse<String> response = send(request(uri("/api/v1/seasons/" + season + "/bracket"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the api refused the bracket of season " + season + " ("
                    + seeds.getFileName() + ", " + slots.getFileName() + "): " + problem(response));
        }
        return JSON.readTree(response.body());
    }

    /** One file per part, named for it: what {@code curl -F seeds=@FILE} sends. */
    private static byte[] multipart(String boundary, Map<String, Path> parts) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Path> part : parts.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"" + part.getValue().getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(part.getValue()));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Submits a job; its id. {@code what} says which job in an error. */
    String submit(ObjectNode body, String what) throws IOException, InterruptedException {
        HttpResponse<String> posted = send(request(uri("/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("the api refused the job for " + what + ": " + problem(posted));
        }
        return JSON.readTree(posted.body()).get("id").asString();
    }

    /** Waits until the job completes (polling it) and reads its result; fails at {@code deadline} (nano time). */
    JsonNode result(String id, String what, long deadline) throws IOException, InterruptedException {
        HttpRequest poll = request(uri("/api/v1/jobs/" + id)).GET().build();
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> response = send(poll);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("job " + id + " (" + what + "): " + problem(response));
            }
            JsonNode job = JSON.readTree(response.body());
            String status = job.get("status").asString();
            if (status.equals("COMPLETED")) {
                break;
            }
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                throw new IllegalStateException("job " + id + " (" + what + ") " + status + ": "
                        + job.path("error").asString("no error given"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + id + " (" + what + ") still " + status + " at the timeout");
            }
            // A 10,000-game job takes some tens of milliseconds: poll often at first, then back off so that long
            // jobs are not polled for nothing.
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(Math.max(5, Math.min(250, elapsedMillis / 10)));
        }
        HttpResponse<String> response = send(request(uri("/api/v1/jobs/" + id + "/result"))
                .header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the result of job " + id + " (" + what + "): " + problem(response));
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("the api does not answer at " + url
                    + " (start it with bin/tipoff up, or give --url)", e);
        }
    }

    private URI uri(String path) {
        return URI.create(url + path);
    }

    /** What went wrong, from a problem body ({@code detail}) or whatever else the answer says. */
    private static String problem(HttpResponse<String> response) {
        String detail = null;
        try {
            detail = JSON.readTree(response.body()).path("detail").asString(null);
        } catch (JacksonException e) {
            // not JSON: the body itself below
        }
        String body = response.body().strip();
        return response.statusCode() + " " + (detail != null ? detail
                : body.length() > 300 ? body.substring(0, 300) + "…" : body)
                + (response.statusCode() == 401 ? " (set TIPOFF_API_KEY to a key the api accepts)" : "");
    }
}
