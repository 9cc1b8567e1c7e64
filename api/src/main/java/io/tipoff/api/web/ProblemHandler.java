package io.tipoff.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tipoff.model.TeamDataException;
import io.tipoff.model.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as {@code application/problem+json} (RFC 9457). A bad request names each field at fault in
 * {@code errors: [{field, message}]}, with the field's path in the request body ({@code matchup.teamA.tempo}); in an
 * uploaded CSV file the field is the column and {@code line} its line (1 being the header), in an upload of several
 * files {@code part} says which file, and a bracket that is not a tree names the {@code slot} at fault. A feature's
 * other refusals (404, 409, 422, 429, 401) are {@code ErrorResponseException}s carrying their own problem, answered by
 * Spring's handling of those; this class knows no feature.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * One field at fault; {@code line} only for a field of an uploaded file, {@code part} for a file of a multipart
     * upload, {@code slot} for a slot of a bracket.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldProblem(String field, String message, Integer line, String part, String slot) {

        FieldProblem(String field, String message) {
            this(field, message, null, null, null);
        }

        FieldProblem(String field, String message, Integer line) {
            this(field, message, line, null, null);
        }

        /** {@code line 3, 2P_O: must be …}, {@code slots line 12, Slot R2W1: names …}, {@code seeds is required}. */
        String describe() {
            if (line == null && part == null && slot == null) {
                return field + " " + message;
            }
            String where = String.join(" ", Stream.of(part, line == null ? null : "line " + line)
                    .filter(Objects::nonNull).toList());
            return (where.isEmpty() ? "" : where + ", ") + field + (slot == null ? "" : " " + slot) + ": " + message;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // Jackson reads the string "NaN" as a number, which then fails every bound of its field: say it once.
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getRejectedValue() instanceof Double value && value.isNaN()
                        ? new FieldProblem(error.getField(), "must be a number, was NaN")
                        : new FieldProblem(error.getField(), error.getDefaultMessage()))
                .distinct()
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return badRequest(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return badRequest(List.of(unreadable(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "must be a " + (type == null ? "valid value" : type.getSimpleName());
        return badRequest(List.of(new FieldProblem(field, message)));
    }

    /**
     * A refusal of a request that came with a body (401 without a key, 413, 415, …) closes the connection, and says so
     * before the answer is written: {@link UnreadBodies} stops Tomcat reading the rest of an unread body and closes the
     * connection, but by then the answer is committed, and a client that keeps connections alive would send its next
     * request down the closing one.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && UnreadBodies.declaresBody(servlet.getRequest())) {
            HttpHeaders closing = new HttpHeaders();
            closing.putAll(headers);
            closing.set(HttpHeaders.CONNECTION, "close");
            headers = closing;
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    /** A field at fault, with where it lies (slot, line, part) when the feature knows. */
    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return badRequest(List.of(new FieldProblem(ex.field(), ex.reason(), ex.line(), ex.part(), ex.slot())));
    }

    @ExceptionHandler(TeamDataException.class)
    ResponseEntity<Object> badTeamData(TeamDataException ex) {
        return badRequest(List.of(new FieldProblem(ex.field(), ex.reason(), ex.line())));
    }

    /** The database is away (down, restarting, or no connection to be had): the transaction never committed. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(RuntimeException ex) {
        return unavailable(ex, "the database is unavailable; nothing was stored, try again shortly");
    }

    /**
     * The connection broke while a transaction ended: a rollback (nothing stored), or a commit the database may have
     * applied or not. A request with an {@code Idempotency-Key} can be sent again without making a second job.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ProblemDetail transactionBroken(TransactionSystemException ex) {
        return unavailable(ex, "the database became unavailable; try again shortly (with the same Idempotency-Key, "
                + "a retried submission never makes a second job)");
    }

    private static ProblemDetail unavailable(RuntimeException ex, String detail) {
        log.warn("Database unavailable: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        return problem;
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problems.stream()
                .map(FieldProblem::describe)
                .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Names the field Jackson stopped at, or the body itself when it is not JSON at all or not a JSON object. */
    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException jackson)) {
            return new FieldProblem("body", "is missing or unreadable");
        }
        // A field name is the client's own text (an unknown one may be anything): quoted only in part.
        String path = Text.excerpt(path(jackson));
        String field = path.isEmpty() ? "body" : path;
        if (jackson instanceof UnrecognizedPropertyException) {
            return new FieldProblem(field, "is not a known field");
        }
        if (jackson instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldProblem(field, "must be one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ", was "
                    + Text.excerpt(String.valueOf(invalid.getValue())));
        }
        if (jackson instanceof InputCoercionException) {
            return new FieldProblem(field, "is out of range");
        }
        if (jackson instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldProblem(field, "must be " + describe(mismatched.getTargetType()));
        }
        if (jackson instanceof StreamReadException read) {
            // Jackson's advice on enabling its features is for this api's code, not for the client.
            return new FieldProblem(Text.excerpt(stoppedAt(read, path, field)),
                    "is not valid JSON: " + shortened(read.getOriginalMessage().replaceFirst(": enable `.*", "")));
        }
        return new FieldProblem(field, "cannot be read: " + shortened(jackson.getOriginalMessage()));
    }

    /** Jackson quotes the input it stopped at; a message keeps its first line and at most 200 characters of it. */
    private static String shortened(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /**
     * A bad token ({@code NaN}, a stray word) stops the parser at a property that the path does not name yet: the
     * parser's current one. At the end of the input that is only the last name read, and the body is at fault.
     */
    private static String stoppedAt(StreamReadException ex, String path, String field) {
        String name = ex.processor() == null || ex.getOriginalMessage().startsWith("Unexpected end-of-input") ? null
                : ex.processor().currentName();
        if (name == null || path.equals(name) || path.endsWith("." + name)) {
            return field;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a JSON object";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
