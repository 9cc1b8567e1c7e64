package io.tipoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docker-compose.yml} and the manifests of {@code deploy/kubernetes/} against the JSON schemas of their kinds
 * ({@link Schemas}), and against each other: what a cluster or Docker would refuse, or quietly run wrong, fails here
 * first. Each check is shown to catch a real mistake in a broken copy.
 */
class DeploymentFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ROOT = repositoryRoot();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Schemas SCHEMAS = new Schemas();

    @Test
    void theComposeFileFollowsTheComposeSpecification() {
        assertThat(SCHEMAS.compose(compose())).isEmpty();
    }

    @Test
    void everyKubernetesManifestFollowsTheSchemaOfItsKind() {
        List<JsonNode> objects = manifests();
        assertThat(objects).extracting(o -> o.path("kind").asString()).contains("Namespace", "ConfigMap", "Secret",
                "Deployment", "Service", "PodDisruptionBudget", "ScaledObject", "TriggerAuthentication");
        for (JsonNode object : objects) {
            assertThat(SCHEMAS.kubernetes(object)).as("%s %s", object.path("kind").asString(),
                    object.at("/metadata/name").asString()).isEmpty();
        }
    }

    @Test
    void theKustomizationNamesEveryManifestAndNothingElse() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed = Files.list(KUBERNETES)) {
            listed.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        Set<String> resources = new TreeSet<>();
        yaml(KUBERNETES.resolve("kustomization.yaml")).get(0).get("resources")
                .forEach(resource -> resources.add(resource.asString()));
        assertThat(resources).isEqualTo(files);
    }

    /** A mistake in a copy of a file, which its schema must refuse, naming where it is. */
    record Mistake(String file, String kind, String what, String where, Consumer<ObjectNode> make) {

        @Override
        public String toString() {
            return file + ": " + what;
        }
    }

    static Stream<Mistake> mistakes() {
        String container = "/spec/template/spec/containers/0";
        return Stream.of(
                new Mistake("docker-compose.yml", null, "retries as a word", "/services/worker/healthcheck/retries",
                        c -> with(c, "/services/worker/healthcheck").put("retries", "three")),
                new Mistake("docker-compose.yml", null, "a condition that does not exist",
                        "/services/worker/depends_on/api/condition",
                        c -> with(c, "/services/worker/depends_on/api").put("condition", "service_ready")),
                new Mistake("docker-compose.yml", null, "a misspelt healthcheck", "'healtcheck'",
                        c -> with(c, "/services/api").set("healtcheck",
                                with(c, "/services/api").remove("healthcheck"))),
                new Mistake("api.yaml", "Deployment", "replicas as a word", "/spec/replicas",
                        d -> with(d, "/spec").put("replicas", "two")),
                new Mistake("api.yaml", "Deployment", "a misspelt livenessProbe", "'livenesProbe'",
                        d -> with(d, container).set("livenesProbe", with(d, container).remove("livenessProbe"))),
                new Mistake("api.yaml", "Deployment", "an apiVersion Kubernetes never had", "apps/v2",
                        d -> d.put("apiVersion", "apps/v2")),
                new Mistake("api.yaml", "Service", "a port given by name where a number is needed",
                        "/spec/ports/0/port", s -> with(s, "/spec/ports/0").put("port", "http")),
                new Mistake("worker.yaml", "Deployment", "a container port as a string", "/ports/0/containerPort",
                        d -> with(d, container + "/ports/0").put("containerPort", "8081")),
                new Mistake("worker.yaml", "Deployment", "resources as a list", "/containers/0/resources",
                        d -> with(d, container).putArray("resources").add("cpu: 2")),
                new Mistake("pdb.yaml", "PodDisruptionBudget", "half a pod", "/spec/minAvailable",
                        p -> with(p, "/spec").put("minAvailable", 0.5)),
                new Mistake("configmap.yaml", "ConfigMap", "a port as a number (ConfigMap data are strings)",
                        "/data/TIPOFF_RABBIT_PORT", c -> with(c, "/data").put("TIPOFF_RABBIT_PORT", 5671)),
                new Mistake("keda.yaml", "ScaledObject", "no scaleTargetRef", "'scaleTargetRef'",
                        s -> with(s, "/spec").remove("scaleTargetRef")),
                new Mistake("keda.yaml", "ScaledObject", "a trigger setting as a number (KEDA reads strings)",
                        "/spec/triggers/0/metadata/targetValue", s -> with(s, "/spec/triggers/0/metadata").put("targetValue", 8)),
                new Mistake("keda.yaml", "ScaledObject", "minReplicas, which is the HPA's word, not KEDA's",
                        "'minReplicas'", s -> with(s, "/spec").put("minReplicas", 0)),
                new Mistake("keda.yaml", "TriggerAuthentication", "a secret reference without its key", "'key'",
                        t -> with(t, "/spec/secretTargetRef/0").remove("key")));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aCopyWithAMistakeIsRefused(Mistake mistake) {
        if (mistake.file().equals("docker-compose.yml")) {
            ObjectNode copy = compose();
            assertThat(SCHEMAS.compose(copy)).isEmpty();
            mistake.make().accept(copy);
            assertThat(SCHEMAS.compose(copy)).anyMatch(error -> error.contains(mistake.where()));
            return;
        }
        ObjectNode copy = (ObjectNode) yaml(KUBERNETES.resolve(mistake.file())).stream()
                .filter(object -> object.path("kind").asString().equals(mistake.kind())).findFirst().orElseThrow();
        assertThat(SCHEMAS.kubernetes(copy)).isEmpty();
        mistake.make().accept(copy);
        assertThat(SCHEMAS.kubernetes(copy)).anyMatch(error -> error.contains(mistake.where()));
    }

    @Test
    void theWorkersRunOneSimulationThreadPerReservedCore() {
        JsonNode worker = container(object("Deployment", "tipoff-worker"));
        JsonNode threads = env(worker, "TIPOFF_WORKER_THREADS").path("valueFrom").path("resourceFieldRef");
        assertThat(threads.path("resource").asString()).isEqualTo("requests.cpu");
        assertThat(threads.path("containerName").asString()).isEqualTo(worker.path("name").asString());
        assertThat(worker.at("/resources/limits/cpu")).isEqualTo(worker.at("/resources/requests/cpu"));
        assertThat(worker.at("/resources/limits/memory")).isEqualTo(worker.at("/resources/requests/memory"));
    }

    @Test
    void kedaScalesTheWorkersOnTheApisUndispatchedBacklogWithAKeyFromASecret() {
        JsonNode scaled = object("ScaledObject", "tipoff-worker");
        assertThat(scaled.at("/spec/scaleTargetRef/name").asString())
                .isEqualTo(object("Deployment", "tipoff-worker").at("/metadata/name").asString());
        JsonNode trigger = scaled.at("/spec/triggers/0");
        assertThat(trigger.path("type").asString()).isEqualTo("metrics-api");
        // The api's Service, in the kustomization's namespace, and the field GET /api/v1/queue answers.
        String namespace = yaml(KUBERNETES.resolve("kustomization.yaml")).get(0).path("namespace").asString();
        assertThat(trigger.at("/metadata/url").asString()).isEqualTo("http://"
                + object("Service", "tipoff-api").at("/metadata/name").asString() + "." + namespace
                + ".svc/api/v1/queue");
        assertThat(trigger.at("/metadata/valueLocation").asString()).isEqualTo("backlogChunks");
        assertThat(trigger.at("/metadata/keyParamName").asString()).isEqualTo("X-API-Key");
        JsonNode auth = object("TriggerAuthentication", trigger.at("/authenticationRef/name").asString());
        for (JsonNode ref : auth.at("/spec/secretTargetRef")) {
            JsonNode secret = object("Secret", ref.path("name").asString()).path("stringData");
            assertThat(secret.has(ref.path("key").asString())).as("%s has key %s", ref.path("name"), ref.path("key"))
                    .isTrue();
        }
    }

    @Test
    void theDeploymentsTakeTheirSettingsFromTheConfigMapAndSecretsAndProbeTheirHealth() {
        for (String name : List.of("tipoff-api", "tipoff-worker")) {
            JsonNode deployment = object("Deployment", name);
            JsonNode container = container(deployment);
            for (JsonNode env : container.path("env")) {
                JsonNode secret = env.at("/valueFrom/secretKeyRef");
                if (!secret.isMissingNode()) {
                    assertThat(object("Secret", secret.path("name").asString()).path("stringData")
                            .has(secret.path("key").asString())).as("%s: %s", name, env.path("name")).isTrue();
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                object("ConfigMap", from.at("/configMapRef/name").asString());
            }
            for (String credential : List.of("TIPOFF_DB_PASSWORD", "TIPOFF_RABBIT_PASSWORD")) {
                assertThat(env(container, credential).at("/valueFrom/secretKeyRef").isObject()).as(credential).isTrue();
            }
            String port = container.at("/ports/0/name").asString();
            assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo(port);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertThat(matches(deployment.at("/spec/selector/matchLabels"), podLabels)).isTrue();
            JsonNode budget = manifests().stream().filter(o -> o.path("kind").asString().equals("PodDisruptionBudget"))
                    .filter(o -> matches(o.at("/spec/selector/matchLabels"), podLabels)).findFirst().orElse(null);
            assertThat(budget).as("a PodDisruptionBudget for %s", name).isNotNull();
        }
        JsonNode api = object("Deployment", "tipoff-api");
        assertThat(env(container(api), "TIPOFF_SECURITY_API_KEYS").at("/valueFrom/secretKeyRef").isObject()).isTrue();
        JsonNode service = object("Service", "tipoff-api");
        assertThat(matches(service.at("/spec/selector"), api.at("/spec/template/metadata/labels"))).isTrue();
        assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo(container(api).at("/ports/0/name")
                .asString());
    }

    @Test
    void composeStartsTheWorkersAfterAHealthyApiAndCanScaleThem() {
        JsonNode services = compose().path("services");
        JsonNode worker = services.path("worker");
        assertThat(worker.at("/depends_on/api/condition").asString()).isEqualTo("service_healthy");
        assertThat(worker.has("ports")).as("a published port would keep --scale worker=N from starting").isFalse();
        assertThat(worker.has("container_name")).isFalse();
        for (String app : List.of("api", "worker")) {
            assertThat(services.at("/" + app + "/healthcheck/test").toString()).contains("/actuator/health/readiness");
            for (JsonNode dependency : services.at("/" + app + "/depends_on")) {
                assertThat(dependency.path("condition").asString()).isEqualTo("service_healthy");
            }
        }
        services.at("/api/depends_on").propertyNames().forEach(name ->
                assertThat(services.path(name).has("healthcheck")).as("%s has a health check", name).isTrue());
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        return selector.size() > 0 && selector.properties().stream()
                .allMatch(label -> labels.path(label.getKey()).equals(label.getValue()));
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals(name)) {
                return env;
            }
        }
        throw new AssertionError(container.path("name").asString() + " has no " + name);
    }

    private static JsonNode object(String kind, String name) {
        return manifests().stream()
                .filter(o -> o.path("kind").asString().equals(kind) && o.at("/metadata/name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private static ObjectNode with(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static ObjectNode compose() {
        return (ObjectNode) yaml(ROOT.resolve("docker-compose.yml")).get(0);
    }

    private static List<JsonNode> manifests() {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted()
                    .forEach(f -> objects.addAll(yaml(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** The documents of a YAML file, with anchors and merge keys ({@code <<: *app}) resolved as Docker does. */
    private static List<JsonNode> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<JsonNode> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)
                    .forEach(document -> documents.add(JSON.valueToTree(document)));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout: the first folder above the module's that has the compose file and the manifests. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml"))
                    && Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml and deploy/kubernetes above " + Path.of("")
                .toAbsolutePath());
    }
}
