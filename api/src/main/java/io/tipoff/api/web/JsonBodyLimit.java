package io.tipoff.api.web;

import io.tipoff.api.config.ApiProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Limits every {@code @RequestBody} (a job submission) to {@code tipoff.jobs.max-request-size}: the body is read
 * through {@link BodyLimit}, as a team import's is, before Jackson sees it; larger is 413.
 */
@ControllerAdvice
class JsonBodyLimit extends RequestBodyAdviceAdapter {

    private final DataSize limit;

    JsonBodyLimit(ApiProperties properties) {
        this.limit = properties.jobs().maxRequestSize();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = BodyLimit.read(input.getBody(), input.getHeaders(), limit, "tipoff.jobs.max-request-size");
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
