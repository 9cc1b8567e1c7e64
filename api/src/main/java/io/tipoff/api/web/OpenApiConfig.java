package io.tipoff.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tipoff.model.JobStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). springdoc reads the
 * endpoints and their bodies from the controllers; this adds what it cannot see: the problem body every error has
 * (RFC 9457, as {@link ProblemHandler} writes it) and one reusable response per kind of error, each with examples taken
 * from real answers. Controllers name the errors they give with {@code @ApiResponse(responseCode = "404", ref =
 * OpenApiConfig.NOT_FOUND)}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String JOB_FINISHED = "#/components/responses/JobFinished";
    public static final String RESULT_NOT_READY = "#/components/responses/ResultNotReady";
    public static final String CONTENT_TOO_LARGE = "#/components/responses/ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String IDEMPOTENCY_KEY_REUSED = "#/components/responses/IdempotencyKeyReused";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";
    public static final String TOO_MANY_RUNNING_JOBS = "#/components/responses/TooManyRunningJobs";
    private static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    private static final String API_KEY = "apiKey";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    OpenAPI tipoffOpenApi() {
        Components components = new Components().addSchemas("Problem", problemSchema());
        problem(components, BAD_REQUEST, "A field of the request is invalid; `errors` names each one", Map.of(
                "field", """
                        {"type": "about:blank", "title": "Invalid request", "status": 400, "instance": "/api/v1/jobs",
                         "detail": "matchup.teamA.offense.twoPointPct must be a fraction between 0 and 1, was 1.2",
                         "errors": [{"field": "matchup.teamA.offense.twoPointPct",
                                     "message": "must be a fraction between 0 and 1, was 1.2"}]}""",
                "csvLine", """
                        {"type": "about:blank", "title": "Invalid request", "status": 400,
                         "instance": "/api/v1/seasons/2019/bracket",
                         "detail": "seeds line 410, TeamID: names no team of season 2019",
                         "errors": [{"field": "TeamID", "message": "names no team of season 2019", "line": 410,
                                     "part": "seeds"}]}"""));
        problem(components, NOT_FOUND, "Nothing has this id (or this season)", Map.of("job", """
                {"type": "about:blank", "title": "Not Found", "status": 404,
                 "instance": "/api/v1/jobs/0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a",
                 "detail": "no job with id 0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a"}"""));
        problem(components, JOB_FINISHED, "The job already completed or failed; `jobStatus` says which", Map.of(
                "completed", """
                        {"type": "about:blank", "title": "Job already finished", "status": 409,
                         "instance": "/api/v1/jobs/0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a",
                         "detail": "job 0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a is already COMPLETED",
                         "jobStatus": "COMPLETED"}"""));
        problem(components, RESULT_NOT_READY, "The job has no result (yet); `jobStatus` says where it is", Map.of(
                "running", """
                        {"type": "about:blank", "title": "Result not available", "status": 409,
                         "instance": "/api/v1/jobs/0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a/result",
                         "detail": "job 0b6f7a2e-5d1c-4c1e-9d0a-1f2e3d4c5b6a is RUNNING; its result is not ready",
                         "jobStatus": "RUNNING"}"""));
        problem(components, CONTENT_TOO_LARGE, "The body, or one of its files, is larger than allowed", Map.of(
                "csv", """
                        {"type": "about:blank", "title": "Request too large", "status": 413,
                         "instance": "/api/v1/teams/import", "limit": 10485760,
                         "detail":
                           "the body is larger than the 10485760 bytes allowed (tipoff.teams.max-upload-size)"}""",
                "json", """
                        {"type": "about:blank", "title": "Request too large", "status": 413,
                         "instance": "/api/v1/jobs", "limit": 1048576,
                         "detail":
                           "the body is larger than the 1048576 bytes allowed (tipoff.jobs.max-request-size)"}"""));
        problem(components, UNSUPPORTED_MEDIA_TYPE, "The body is not of the content type the endpoint reads", Map.of(
                "json", """
                        {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                         "instance": "/api/v1/jobs", "detail": "Content-Type 'text/plain' is not supported."}"""));
        problem(components, IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used before for a different request",
                Map.of("reused", """
                        {"type": "about:blank", "title": "Idempotency key reused", "status": 422,
                         "instance": "/api/v1/jobs",
                         "detail": "Idempotency-Key order-17 was used before with a different request"}"""));
        problem(components, SERVICE_UNAVAILABLE, "The database is unavailable; nothing was stored", Map.of(
                "database", """
                        {"type": "about:blank", "title": "Service unavailable", "status": 503,
                         "instance": "/api/v1/jobs",
                         "detail": "the database is unavailable; nothing was stored, try again shortly"}"""));
        problem(components, UNAUTHORIZED, "API keys are configured and this request has none, or a wrong one, in "
                + "`X-API-Key`: every change of state needs one, reads too with `tipoff.security.protect-reads`",
                Map.of("missing", """
                        {"type": "about:blank", "title": "API key required", "status": 401,
                         "instance": "/api/v1/jobs",
                         "detail": "this request needs an API key in the X-API-Key header"}"""));
        problem(components, TOO_MANY_RUNNING_JOBS, "The API key already has `tipoff.jobs.max-running-per-key` jobs "
                + "queued or running; `limit` and `running` say how many", Map.of("limit", """
                        {"type": "about:blank", "title": "Too many running jobs", "status": 429,
                         "instance": "/api/v1/jobs", "limit": 100, "running": 100,
                         "detail": "local already has 100 jobs queued or running, the most allowed per API key"}"""));
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("A configured API key (`tipoff.security.api-keys`); with none configured the api is open"));
        return new OpenAPI()
                .info(new Info()
                        .title("Tipoff")
                        .version("v1")
                        .description("""
                                A distributed Monte Carlo engine for basketball: submit a matchup or a tournament \
                                as a job, follow it, read the whole distribution of outcomes. Errors are \
                                `application/problem+json` (RFC 9457); a bad request names each field at fault in \
                                `errors`, and nothing of it is stored.""")
                        .license(new License().name("Tipoff")))
                .components(components);
    }

    /** Examples for {@code POST /api/v1/jobs}, which springdoc cannot make up: "Try it out" sends the one chosen. */
    @Bean
    OpenApiCustomizer jobExamples() {
        Map<String, Example> examples = new LinkedHashMap<>();
        examples.put("matchupOfImportedTeams", example("Duke against Michigan St, as imported for 2019", """
                {"type": "MATCHUP", "simulations": 1000000, "seed": 42,
                 "matchup": {"teamA": {"season": 2019, "teamId": 1181},
                             "teamB": {"season": 2019, "name": "Michigan St"}}}"""));
        examples.put("matchupOfProfiles", example("Virginia against Texas Tech, every rate given", """
                {"type": "MATCHUP", "simulations": 1000000, "seed": 42,
                 "matchup": {"venue": "NEUTRAL",
                   "teamA": {"name": "Virginia", "tempo": 60.7,
                     "offense": {"twoPointPct": 0.525, "threePointPct": 0.395, "threePointRate": 0.400,
                                 "turnoverRate": 0.147, "offensiveReboundRate": 0.304, "freeThrowRate": 0.291,
                                 "freeThrowPct": 0.745},
                     "defense": {"twoPointPct": 0.457, "threePointPct": 0.289, "threePointRate": 0.426,
                                 "turnoverRate": 0.175, "offensiveReboundRate": 0.254, "freeThrowRate": 0.263}},
                   "teamB": {"name": "Texas Tech", "tempo": 67.5,
                     "offense": {"twoPointPct": 0.528, "threePointPct": 0.365, "threePointRate": 0.359,
                                 "turnoverRate": 0.177, "offensiveReboundRate": 0.274, "freeThrowRate": 0.329,
                                 "freeThrowPct": 0.730},
                     "defense": {"twoPointPct": 0.419, "threePointPct": 0.297, "threePointRate": 0.415,
                                 "turnoverRate": 0.228, "offensiveReboundRate": 0.287, "freeThrowRate": 0.366}}}}"""));
        examples.put("tournament", example("The imported 2019 bracket, 100,000 times", """
                {"type": "TOURNAMENT", "simulations": 100000, "seed": 7, "tournament": {"season": 2019}}"""));
        examples.put("bracketPool", example("The 2018 pool of 100 entrants with ESPN's scoring", """
                {"type": "BRACKET_POOL", "simulations": 20000, "seed": 1,
                 "pool": {"season": 2018, "entrants": 100, "scoring": [10, 20, 40, 80, 160, 320], "asOfDay": 132}}"""));
        examples.put("bracketPoolAfterFirstFour", example("The same pool, locked after the First Four", """
                {"type": "BRACKET_POOL", "simulations": 20000, "seed": 1,
                 "pool": {"season": 2018, "entrants": 100, "scoring": [10, 20, 40, 80, 160, 320], "asOfDay": 132,
                          "results": {"W11": "W11a", "W16": "W16b", "X11": "X11b", "Z16": "Z16b"}}}"""));
        return api -> api.getPaths().get("/api/v1/jobs").getPost().getRequestBody().getContent()
                .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE).setExamples(examples);
    }

    /**
     * Every operation of the api may answer 401 (a wrong key is refused even where none is needed, and reads need one
     * with protected reads); those that change state name the API key as their security requirement.
     */
    @Bean
    OpenApiCustomizer apiKeyAnswers() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operation.getResponses().addApiResponse("401", new ApiResponse().$ref(UNAUTHORIZED));
            if (method != PathItem.HttpMethod.GET) {
                operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            }
        }));
    }

    /** The body of every error (RFC 9457), with Tipoff's extensions {@code errors} and {@code jobStatus}. */
    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema()
                .description("One field at fault")
                .addProperty("field", new StringSchema().description("its path in the body, the column of a CSV file, "
                        + "or the parameter or part"))
                .addProperty("message", new StringSchema())
                .addProperty("line", new IntegerSchema().description("the line of an uploaded file (1: the header)"))
                .addProperty("part", new StringSchema().description("the file of a multipart upload"))
                .addProperty("slot", new StringSchema().description("the bracket slot at fault"));
        field.setRequired(java.util.List.of("field", "message"));
        Schema<?> jobStatus = new StringSchema()._enum(Arrays.stream(JobStatus.values()).map(Enum::name).toList())
                .description("the job's status, for an answer about a job that is not in the right one");
        return new ObjectSchema()
                .description("A problem (RFC 9457)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(field).description("every field at fault (400 only)"))
                .addProperty("jobStatus", jobStatus);
    }

    private static void problem(Components components, String ref, String description, Map<String, String> examples) {
        MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        Map<String, Example> named = new LinkedHashMap<>();
        examples.forEach((name, json) -> named.put(name, example(null, json)));
        body.setExamples(named);
        components.addResponses(ref.substring(ref.lastIndexOf('/') + 1), new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, body)));
    }

    /** An example given as JSON text, kept as the tree it reads as (not as a string). */
    private static Example example(String summary, String json) {
        return new Example().summary(summary).value(JSON.readValue(json, Map.class));
    }
}
