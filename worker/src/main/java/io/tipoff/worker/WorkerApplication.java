package io.tipoff.worker;

import io.tipoff.worker.config.OutOfMemoryExit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A worker process: takes chunks off the queue, simulates them on all its cores, stores their aggregates. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

    /** The worker reads {@code tipoff-worker.yml}, so that it and the api can share a classpath (as in tests). */
    public static final String CONFIG_NAME = "spring.config.name=tipoff-worker";

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        new SpringApplicationBuilder(WorkerApplication.class).properties(CONFIG_NAME).run(args);
    }
}
