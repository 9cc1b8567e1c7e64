package io.tipoff.api.job;

import java.util.UUID;

/** No job has this id; answered with 404. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(UUID id) {
        super("no job with id " + id);
    }
}
