package io.tipoff.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.api.ApiApplication;
import io.tipoff.testing.Http;
import io.tipoff.testing.TestServices;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /v3/api-docs}, read from the running api: every endpoint the api serves is in it,
 * with a summary and the problem answers (4xx, 503) it can give, each a problem body with examples that match what
 * the api really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiApplication.CONFIG_NAME)
class OpenApiIntegrationTests {

    /** The problem answers of each endpoint: what a client must be ready for. */
    private static final Map<String, Set<String>> PROBLEMS = Map.ofEntries(
            Map.entry("POST /api/v1/jobs", Set.of("400", "401", "413", "415", "422", "429", "503")),
            Map.entry("GET /api/v1/jobs", Set.of("400", "401")),
            Map.entry("GET /api/v1/jobs/{id}", Set.of("400", "401", "404")),
            Map.entry("GET /api/v1/jobs/{id}/events", Set.of("400", "401", "404")),
            Map.entry("DELETE /api/v1/jobs/{id}", Set.of("400", "401", "404", "409")),
            Map.entry("GET /api/v1/jobs/{id}/result", Set.of("400", "401", "404", "409")),
            Map.entry("GET /api/v1/queue", Set.of("401")),
            Map.entry("POST /api/v1/teams/import", Set.of("400", "401", "413", "415")),
            Map.entry("POST /api/v1/games/import", Set.of("400", "401", "413", "415")),
            Map.entry("GET /api/v1/teams", Set.of("400", "401", "404")),
            Map.entry("GET /api/v1/teams/seasons", Set.of("401")),
            Map.entry("POST /api/v1/seasons/{season}/bracket", Set.of("400", "401", "413", "415")),
            Map.entry("GET /api/v1/seasons/{season}/bracket", Set.of("400", "401", "404")),
            Map.entry("POST /api/v1/seasons/{season}/results", Set.of("400", "401", "413", "415")),
            Map.entry("GET /api/v1/seasons/{season}/results", Set.of("400", "401")),
            Map.entry("POST /api/v1/seasons/{season}/picks", Set.of("400", "401", "413", "415")),
            Map.entry("GET /api/v1/seasons/{season}/picks", Set.of("400", "401", "404")));

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Http http;
    JsonNode docs;

    @BeforeEach
    void readDocs() {
        http = new Http(port);
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        docs = Http.json(response);
    }

    @Test
    void everyEndpointTheApiServesIsDescribedWithASummary() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    mapping.getMethodsCondition().getMethods().forEach(method -> served.add(method + " " + path));
                }
            }
        }
        assertThat(operations()).isEqualTo(served).isEqualTo(new TreeSet<>(PROBLEMS.keySet()));
        for (String operation : served) {
            assertThat(operation(operation).path("summary").asString("")).as(operation).isNotBlank();
        }
    }

    @Test
    void everyProblemAnswerIsDescribedAsAProblemBodyWithExamples() {
        for (String operation : operations()) {
            Set<String> problems = new TreeSet<>();
            for (Map.Entry<String, JsonNode> response : operation(operation).get("responses").properties()) {
                String status = response.getKey();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    continue;
                }
                problems.add(status);
                JsonNode body = resolve(response.getValue()).path("content").path("application/problem+json");
                assertThat(body.path("schema").path("$ref").asString("")).as("%s %s", operation, status)
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(body.path("examples").size()).as("%s %s examples", operation, status).isPositive();
                for (JsonNode example : body.get("examples")) {
                    assertThat(example.path("value").path("status").asString()).isEqualTo(status);
                    assertThat(example.path("value").path("detail").asString("")).isNotBlank();
                }
            }
            assertThat(problems).as(operation).isEqualTo(PROBLEMS.get(operation));
        }
        JsonNode problem = docs.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("errors")).isTrue();
        assertThat(problem.has("jobStatus")).isTrue();
    }

    @Test
    void theDescribedProblemsAreTheOnesTheApiAnswers() {
        String unknownJob = "/api/v1/jobs/" + UUID.randomUUID();
        assertAnswersAsDescribed(http.get(unknownJob), "GET /api/v1/jobs/{id}");
        assertAnswersAsDescribed(http.postJson("/api/v1/jobs", "{\"type\": \"MATCHUP\", \"simulations\": 0}"),
                "POST /api/v1/jobs");
        assertAnswersAsDescribed(http.post("/api/v1/jobs", "text/plain", "simulate"), "POST /api/v1/jobs");
        assertAnswersAsDescribed(http.get("/api/v1/seasons/1900/bracket"), "GET /api/v1/seasons/{season}/bracket");
        assertAnswersAsDescribed(http.postJson("/api/v1/jobs", "{\"padding\": \"" + "x".repeat(1_100_000) + "\"}"),
                "POST /api/v1/jobs");
    }

    @Test
    void everyChangeOfStateNamesTheApiKeyItNeeds() {
        assertThat(docs.path("components").path("securitySchemes").path("apiKey").path("name").asString())
                .isEqualTo("X-API-Key");
        for (String operation : operations()) {
            boolean keyed = operation(operation).path("security").toString().contains("apiKey");
            assertThat(keyed).as(operation).isEqualTo(!operation.startsWith("GET "));
        }
    }

    @Test
    void swaggerUiIsServedAtItsUsualAddress() {
        HttpResponse<String> redirect = http.get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = http.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        JsonNode examples = operation("POST /api/v1/jobs").path("requestBody").path("content")
                .path("application/json").path("examples");
        assertThat(examples.propertyNames()).contains("matchupOfImportedTeams", "matchupOfProfiles", "tournament",
                "bracketPool", "bracketPoolAfterFirstFour");
    }

    /** A real problem answer has the status, content type and title of the described one. */
    private void assertAnswersAsDescribed(HttpResponse<String> answer, String operation) {
        String status = Integer.toString(answer.statusCode());
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.body())
                .startsWith("application/problem+json");
        JsonNode described = resolve(operation(operation).path("responses").path(status));
        assertThat(described.isMissingNode()).as("%s answers %s, which is not described", operation, status)
                .isFalse();
        Set<String> titles = new TreeSet<>();
        described.path("content").path("application/problem+json").path("examples")
                .forEach(example -> titles.add(example.path("value").path("title").asString()));
        assertThat(titles).contains(Http.json(answer).path("title").asString());
    }

    private Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            path.getValue().propertyNames().forEach(method -> operations.add(method.toUpperCase() + " "
                    + path.getKey()));
        }
        return operations;
    }

    private JsonNode operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return docs.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
    }

    /** A response, or the shared one it refers to ({@code #/components/responses/NotFound}). */
    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asString("");
        return ref.isEmpty() ? response
                : docs.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
