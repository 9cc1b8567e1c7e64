package io.tipoff.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-sent event stream read as a browser's {@code EventSource} reads it, line by line as it arrives: each event
 * (its name and data) and each comment, until the server ends the stream.
 */
public final class EventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An event ({@code name} null for a comment line, whose text is then {@code data}). */
    public record Event(String name, String data) {

        public boolean isComment() {
            return name == null;
        }

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    /** What the reader puts in the queue after the last event, so that the end of a stream is seen. */
    private static final Event END = new Event(null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public int statusCode() {
        return response.statusCode();
    }

    public Optional<String> contentType() {
        return response.headers().firstValue("Content-Type");
    }

    /** The body of an answer that is not a stream (a problem). */
    public String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event or comment; empty when the server ended the stream. Fails after {@code timeout}. */
    public Optional<Event> next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return event == END ? Optional.empty() : Optional.of(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event that is not a comment; empty when the stream ended. */
    public Optional<Event> nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Event> event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.isEmpty() || !event.get().isComment()) {
                return event;
            }
        }
    }

    /** Every event (comments left out) until the server ends the stream, which must happen within {@code timeout}. */
    public List<Event> untilEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> all = new ArrayList<>();
        for (Optional<Event> event = nextEvent(timeout); event.isPresent();
             event = nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            all.add(event.get());
        }
        return all;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, line.substring(1)));
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (IOException e) {
            // Closed by the test, or the connection broke: either way the stream is over.
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Nothing left to read.
        }
    }
}
