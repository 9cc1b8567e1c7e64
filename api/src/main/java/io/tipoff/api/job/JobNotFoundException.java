package io.tipoff.api.job;

import io.tipoff.api.web.Problems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No job has this id (or none the caller may see); answered with 404. */
public class JobNotFoundException extends ErrorResponseException {

    public JobNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, null, "no job with id " + id), null);
    }
}
