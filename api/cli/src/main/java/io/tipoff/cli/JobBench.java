package io.tipoff.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole system under load, as a user sees it: {@code bin/tipoff bench-job [--games N] [--runs R]}. Submits the
 * same matchup job R times, one after another, to a running api and prints one JSON line with the median and spread
 * of two times per job: as the client saw it, from sending the POST to reading COMPLETED (polling the job), and as the
 * system recorded it, from the job's {@code createdAt} to its {@code completedAt}. Runs a few unmeasured 10,000-game
 * jobs first, so that neither this client's nor the api's start-up is timed.
 *
 * <p>{@code --behind GAMES} measures a visitor's latency under load: it first submits a job of GAMES games (of the same
 * matchup) and waits until a worker is playing it, then times the R jobs while it runs, and reports how far the big job
 * got meanwhile (it must keep progressing) before cancelling it.
 */
public final class JobBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    private JobBench(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:" + System.getenv().getOrDefault("TIPOFF_PORT", "8080");
        String request = "docs/examples/matchup.json";
        long games = 10_000;
        int runs = 20;
        int warmup = 5;
        Integer chunkSize = null;
        long behind = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--request" -> request = args[i + 1];
                case "--games" -> games = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--chunk-size" -> chunkSize = Integer.parseInt(args[i + 1]);
                case "--behind" -> behind = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(Path.of(request)));
        body.put("simulations", games);
        body.put("seed", 42);
        if (chunkSize != null) {
            body.put("chunkSize", chunkSize);
        }
        JobBench bench = new JobBench(url);
        ObjectNode warmupBody = body.deepCopy();
        warmupBody.put("simulations", Math.min(games, 10_000));
        for (int i = 0; i < warmup; i++) {
            bench.run(warmupBody.toString());
        }
        String big = null;
        long bigBefore = 0;
        if (behind > 0) {
            ObjectNode bigBody = body.deepCopy();
            bigBody.put("simulations", behind);
            bigBody.remove("chunkSize");
            big = bench.submit(bigBody.toString());
            bigBefore = bench.awaitPlaying(big);
        }
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        JsonNode job = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            job = bench.run(body.toString());
            client.add((System.nanoTime() - start) / 1e6);
            server.add(Duration.between(Instant.parse(job.get("createdAt").asString()),
                    Instant.parse(job.get("completedAt").asString())).toNanos() / 1e6);
        }
        String behindJson = "";
        if (big != null) {
            JsonNode bigNow = bench.get(big);
            behindJson = String.format(Locale.ROOT, ",\"behindGames\":%d,\"behindPlayedBefore\":%d,"
                            + "\"behindPlayedAfter\":%d,\"behindStatus\":\"%s\"", behind, bigBefore,
                    bigNow.get("simulationsCompleted").asLong(), bigNow.get("status").asString());
            bench.cancel(big);
        }
        client.sort(null);
        server.sort(null);
        System.out.printf(Locale.ROOT, "{\"games\":%d,\"chunks\":%d,\"runs\":%d,\"medianMillis\":%.1f,"
                        + "\"minMillis\":%.1f,\"p90Millis\":%.1f,\"maxMillis\":%.1f,\"medianServerMillis\":%.1f,"
                        + "\"medianGamesPerSecond\":%.0f%s}%n",
                games, job.get("chunks").asInt(), runs, client.get(runs / 2), client.get(0),
                client.get((int) Math.ceil(0.9 * runs) - 1), client.get(runs - 1), server.get(runs / 2),
                games / (server.get(runs / 2) / 1000), behindJson);
    }

    private String submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> posted = http.send(ApiClient.request(URI.create(url + "/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("POST answered " + posted.statusCode() + ": " + posted.body());
        }
        return JSON.readTree(posted.body()).get("id").asString();
    }

    private JsonNode get(String id) throws IOException, InterruptedException {
        return JSON.readTree(http.send(ApiClient.request(URI.create(url + "/api/v1/jobs/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private void cancel(String id) throws IOException, InterruptedException {
        http.send(ApiClient.request(URI.create(url + "/api/v1/jobs/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Waits until the job has a chunk stored (a worker is on it); returns its simulations completed then. */
    private long awaitPlaying(String id) throws IOException, InterruptedException {
        while (true) {
            JsonNode job = get(id);
            if (job.get("chunksCompleted").asInt() > 0) {
                return job.get("simulationsCompleted").asLong();
            }
            Thread.sleep(100);
        }
    }

    /** Submits one job and polls it until COMPLETED; returns the completed job. */
    private JsonNode run(String body) throws IOException, InterruptedException {
        String id = submit(body);
        HttpRequest poll = ApiClient.request(URI.create(url + "/api/v1/jobs/" + id)).GET().build();
        long start = System.nanoTime();
        while (true) {
            JsonNode job = JSON.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            String status = job.get("status").asString();
            if (status.equals("COMPLETED")) {
                return job;
            }
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                throw new IllegalStateException("job " + id + " ended " + status + ": " + job.get("error"));
            }
            // Poll often while a short job may finish any moment, then less often, so that polling neither adds much
            // to a short job's measured time (at most a twentieth) nor takes the cores from a long one.
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(Math.max(1, Math.min(250, elapsedMillis / 20)));
        }
    }
}
