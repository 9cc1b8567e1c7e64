package io.tipoff.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a whole request body, refused with 413 beyond a configured size. Tomcat and Spring limit form and multipart
 * bodies but no other (a CSV upload, a JSON job), and the api reads those whole into memory. A body whose length is
 * declared too large is refused unread; a chunked one has no length to check up front, so at most one byte more than
 * the limit is read.
 */
public final class BodyLimit {

    private BodyLimit() {
    }

    /**
     * @param property the setting that holds {@code limit}, named in the problem so that an operator knows what to
     *                 raise
     */
    public static byte[] read(InputStream body, HttpHeaders headers, DataSize limit, String property)
            throws IOException {
        long max = limit.toBytes();
        byte[] bytes = headers.getContentLength() > max ? null
                : body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (bytes == null || bytes.length > max) {
            throw tooLarge(limit, property);
        }
        return bytes;
    }

    /** The 413 problem for a body over {@code limit}, which {@code property} sets. */
    static ErrorResponseException tooLarge(DataSize limit, String property) {
        long max = limit.toBytes();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "the body is larger than the " + max + " bytes allowed (" + property + ")");
        problem.setTitle("Request too large");
        problem.setProperty("limit", max);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    /** The body as text, in the charset its {@code Content-Type} names (UTF-8 when none), refused as {@link #read}. */
    public static String readText(InputStream body, HttpHeaders headers, DataSize limit, String property)
            throws IOException {
        byte[] bytes = read(body, headers, limit, property);
        MediaType type = headers.getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return new String(bytes, charset);
    }
}
