package io.tipoff.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schemas the deployment files are checked against, each from a published package:
 *
 * <ul>
 * <li>Compose: the Compose Specification's schema ({@code schemas/compose-spec.json}, see its {@code $comment});
 * <li>Kubernetes: the schemas of the fabric8 Kubernetes model jars (Maven Central, version in the parent pom),
 * made to read YAML manifests as the API server does (see {@link #forManifests});
 * <li>KEDA: {@code schemas/keda-v1alpha1.json}, trimmed by hand from KEDA's CRD types (see its {@code $comment}).
 * </ul>
 */
final class Schemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema compose;
    private final ObjectNode kubernetes = JSON.createObjectNode();
    private final ObjectNode keda;
    private final Map<String, Schema> byKind = new HashMap<>();

    Schemas() {
        JsonNode composeSpec = JSON.readTree(resource("schemas/compose-spec.json"));
        withoutIds(composeSpec);
        compose = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(composeSpec.toString());
        keda = (ObjectNode) JSON.readTree(resource("schemas/keda-v1alpha1.json"));
        try {
            // Every jar has its schema at the same path: the definitions of core, apps and policy, merged.
            ClassLoader loader = getClass().getClassLoader();
            for (URL url : Collections.list(loader.getResources("schema/validation-schema.json"))) {
                try (InputStream in = url.openStream()) {
                    kubernetes.setAll((ObjectNode) JSON.readTree(in).get("definitions"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        forManifests(kubernetes);
    }

    /** What is wrong with a Compose file: nothing if the list is empty. */
    List<String> compose(JsonNode file) {
        return messages(compose.validate(file));
    }

    /** What is wrong with one Kubernetes object, by its apiVersion and kind; a kind of no known schema is wrong too. */
    synchronized List<String> kubernetes(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String kind = object.path("kind").asString("");
        Schema schema = byKind.computeIfAbsent(apiVersion + " " + kind, key -> schemaOf(apiVersion, kind));
        if (schema == null) {
            byKind.remove(apiVersion + " " + kind);
            return List.of("no schema for " + kind + " of " + apiVersion);
        }
        return messages(schema.validate(object));
    }

    private Schema schemaOf(String apiVersion, String kind) {
        if (apiVersion.startsWith("keda.sh/")) {
            return keda.path("definitions").has(kind) ? draft7(keda, "#/definitions/" + kind) : null;
        }
        for (Map.Entry<String, JsonNode> definition : kubernetes.properties()) {
            JsonNode properties = definition.getValue().path("properties");
            if (properties.path("apiVersion").path("default").asString("").equals(apiVersion)
                    && properties.path("kind").path("default").asString("").equals(kind)) {
                ObjectNode root = JSON.createObjectNode();
                root.set("definitions", kubernetes);
                return draft7(root, "#/definitions/" + definition.getKey());
            }
        }
        return null;
    }

    /** The schema of {@code ref}, one of the definitions of {@code file}. */
    private static Schema draft7(ObjectNode file, String ref) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("definitions", file.get("definitions"));
        root.put("$ref", ref);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(root.toString());
    }

    /**
     * fabric8's schemas describe its Java model; three changes make them describe YAML manifests as the API server
     * reads them (the way Kubernetes' own OpenAPI does): an int-or-string (a port, {@code maxUnavailable}) is an
     * integer or a string, and a quantity ({@code 500m}, {@code 1Gi}, {@code 2}) a string or a number, not objects; a
     * property marked {@code "required": true} (draft 3's form) is listed in its object's {@code required}; and an
     * object with known properties refuses others (as {@code kubectl --validate=strict} does), so that a misspelt
     * field is an error rather than a field quietly ignored. The Java-only keywords are dropped.
     */
    private static void forManifests(ObjectNode definitions) {
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", types("integer", "string"));
        definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", types("string", "number"));
        definitions.forEach(Schemas::strict);
    }

    private static ObjectNode types(String... types) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode type = schema.putArray("type");
        for (String t : types) {
            type.add(t);
        }
        return schema;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("javaType", "javaInterfaces", "existingJavaType", "javaOmitEmpty", "serializer",
                    "deserializer"));
            if (object.get("properties") instanceof ObjectNode properties) {
                List<String> required = new ArrayList<>();
                properties.properties().forEach(property -> {
                    if (property.getValue() instanceof ObjectNode p && p.path("required").isBoolean()) {
                        if (p.get("required").asBoolean()) {
                            required.add(property.getKey());
                        }
                        p.remove("required");
                    }
                });
                if (!required.isEmpty()) {
                    ArrayNode list = object.putArray("required");
                    required.forEach(list::add);
                }
                if (object.path("additionalProperties").isBoolean()) {
                    object.put("additionalProperties", false);
                }
            }
        }
        node.forEach(Schemas::strict);
    }

    /**
     * The Compose schema still names its parts with draft 4's {@code "id": "#/properties/services"}, a plain
     * annotation that draft 2019-09 (its {@code $schema}) no longer has and the validator refuses; they go.
     */
    private static void withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isString()) {
            object.remove("id");
        }
        node.forEach(Schemas::withoutIds);
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = Schemas.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
