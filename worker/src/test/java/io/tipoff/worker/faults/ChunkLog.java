package io.tipoff.worker.faults;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker's log says about one job's chunks (every line of a chunk's work names its job and chunk): when a
 * chunk was taken (a DEBUG line the suite turns on), when its work ended and how. Tells which chunks a worker had in
 * hand when it was killed, and how many chunks were played more than once.
 */
final class ChunkLog {

    enum Kind {
        /** Games about to be played. */
        TAKEN,
        /** Played and stored: {@code COUNTED}, {@code COUNTED_JOB}, {@code DUPLICATE} or {@code JOB_CLOSED}. */
        PLAYED,
        /** Ended otherwise: failed, interrupted, handed back for want of the database. */
        ABANDONED,
        /** A copy not played: already stored, or its job finished. */
        SKIPPED
    }

    record Event(Instant at, int chunk, Kind kind, String detail) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+\\w+\\s+\\[job=([0-9a-f-]*) chunk=(\\d*)].*? : (.*)$");
    private static final Pattern PLAYED = Pattern.compile("Chunk \\d+: \\d+ simulations in \\d+ ms .*: (\\w+)$");

    private ChunkLog() {
    }

    static List<Event> events(TipoffProcess worker, String jobId) {
        List<Event> events = new ArrayList<>();
        for (String line : worker.logLines()) {
            Matcher m = LINE.matcher(line);
            if (!m.matches() || !m.group(2).equals(jobId) || m.group(3).isEmpty()) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(1)).toInstant();
            } catch (DateTimeParseException e) {
                continue;
            }
            int chunk = Integer.parseInt(m.group(3));
            String message = m.group(4);
            Matcher played = PLAYED.matcher(message);
            if (played.find()) {
                events.add(new Event(at, chunk, Kind.PLAYED, played.group(1)));
            } else if (message.contains(" taken: games ")) {
                events.add(new Event(at, chunk, Kind.TAKEN, message));
            } else if (message.contains("redelivery ignored") || message.startsWith("Dropping chunk")
                    || message.contains(" not needed: ")) {
                events.add(new Event(at, chunk, Kind.SKIPPED, message));
            } else if (message.contains(" failed") || message.contains(" interrupted")
                    || message.contains("database still unreachable") || message.contains("set aside")) {
                events.add(new Event(at, chunk, Kind.ABANDONED, message));
            }
        }
        return events;
    }

    /** Chunks taken whose work the log does not show ending: in hand when the log stops (at a kill). */
    static Set<Integer> inHand(TipoffProcess worker, String jobId) {
        return inHandAt(worker, jobId, Instant.MAX);
    }

    /** Chunks the worker had taken by this moment and not finished with. */
    static Set<Integer> inHandAt(TipoffProcess worker, String jobId, Instant moment) {
        Map<Integer, Integer> open = new HashMap<>();
        for (Event event : events(worker, jobId)) {
            if (event.at().isAfter(moment)) {
                continue;
            }
            switch (event.kind()) {
                case TAKEN -> open.merge(event.chunk(), 1, Integer::sum);
                case PLAYED, ABANDONED -> open.merge(event.chunk(), -1, Integer::sum);
                default -> {
                }
            }
        }
        Set<Integer> inHand = new TreeSet<>();
        open.forEach((chunk, count) -> {
            if (count > 0) {
                inHand.add(chunk);
            }
        });
        return inHand;
    }

    /** The chunks of the job the worker played (and stored, or found stored) after a moment. */
    static List<Event> playedAfter(TipoffProcess worker, String jobId, Instant moment) {
        return events(worker, jobId).stream()
                .filter(event -> event.kind() == Kind.PLAYED && event.at().isAfter(moment))
                .toList();
    }

    /** When the process first logged a line containing one of these texts, after a moment. */
    static Instant firstLine(TipoffProcess process, Instant after, String... texts) {
        for (String line : process.logLines()) {
            if (java.util.Arrays.stream(texts).anyMatch(line::contains)) {
                try {
                    Instant at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
                    if (at.isAfter(after)) {
                        return at;
                    }
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    // a line of a stack trace
                }
            }
        }
        throw new AssertionError(process + " never logged any of " + java.util.Arrays.toString(texts) + " after "
                + after);
    }

    static long count(List<TipoffProcess> workers, String jobId, Kind kind) {
        return workers.stream().flatMap(worker -> events(worker, jobId).stream())
                .filter(event -> event.kind() == kind).count();
    }
}
