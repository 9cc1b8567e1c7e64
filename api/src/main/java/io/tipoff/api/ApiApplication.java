package io.tipoff.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The web tier: accepts jobs, splits them into chunks, publishes them, serves progress and results. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApiApplication {

    /** The api reads {@code tipoff-api.yml}, so that it and a worker can share a classpath (as in tests). */
    public static final String CONFIG_NAME = "spring.config.name=tipoff-api";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiApplication.class).properties(CONFIG_NAME).run(args);
    }
}
