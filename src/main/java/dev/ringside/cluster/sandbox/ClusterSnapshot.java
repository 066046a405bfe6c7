package dev.ringside.cluster.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A canonical text of everything in the cluster that a write could change: one line per object
 * with kind, namespace, name, labels, annotations and the fields that define it (spec, RBAC rules
 * and subjects, event text, secret and config data as digests). Status and server bookkeeping
 * (resourceVersion, uid, timestamps) are left out, so two snapshots are equal exactly when nobody
 * changed anything.
 */
final class ClusterSnapshot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFINING_FIELDS =
            List.of("spec", "rules", "subjects", "roleRef", "type", "reason", "message", "involvedObject", "count");

    private ClusterSnapshot() {
    }

    static String of(KubernetesClient client) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.namespaces().list().getItems());
        objects.addAll(client.nodes().list().getItems());
        objects.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
        objects.addAll(client.apps().replicaSets().inAnyNamespace().list().getItems());
        objects.addAll(client.apps().statefulSets().inAnyNamespace().list().getItems());
        objects.addAll(client.apps().daemonSets().inAnyNamespace().list().getItems());
        objects.addAll(client.pods().inAnyNamespace().list().getItems());
        objects.addAll(client.services().inAnyNamespace().list().getItems());
        objects.addAll(client.secrets().inAnyNamespace().list().getItems());
        objects.addAll(client.configMaps().inAnyNamespace().list().getItems());
        objects.addAll(client.persistentVolumeClaims().inAnyNamespace().list().getItems());
        objects.addAll(client.v1().events().inAnyNamespace().list().getItems());
        objects.addAll(client.serviceAccounts().inAnyNamespace().list().getItems());
        objects.addAll(client.rbac().roles().inAnyNamespace().list().getItems());
        objects.addAll(client.rbac().roleBindings().inAnyNamespace().list().getItems());
        objects.addAll(client.rbac().clusterRoles().list().getItems());
        objects.addAll(client.rbac().clusterRoleBindings().list().getItems());
        TreeMap<String, String> lines = new TreeMap<>();
        for (HasMetadata object : objects) {
            String key = object.getKind() + " " + (object.getMetadata().getNamespace() == null ? "-"
                    : object.getMetadata().getNamespace()) + " " + object.getMetadata().getName();
            lines.put(key, key + " " + canonical(definingFields(object)));
        }
        return String.join("\n", lines.values()) + "\n";
    }

    private static JsonNode definingFields(HasMetadata object) {
        JsonNode full = JSON.valueToTree(object);
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        JsonNode metadata = full.path("metadata");
        kept.set("labels", metadata.path("labels").isMissingNode() ? JsonNodeFactory.instance.objectNode() : metadata.get("labels"));
        kept.set("annotations",
                metadata.path("annotations").isMissingNode() ? JsonNodeFactory.instance.objectNode() : metadata.get("annotations"));
        if (metadata.has("ownerReferences")) kept.set("ownerReferences", metadata.get("ownerReferences"));
        for (String field : DEFINING_FIELDS) {
            if (full.hasNonNull(field)) kept.set(field, full.get(field));
        }
        for (String field : List.of("data", "stringData", "binaryData")) {
            if (full.hasNonNull(field)) kept.set(field, digests(full.get(field)));
        }
        return kept;
    }

    // Secret values never enter the snapshot (it is printed in test failures); their digests do.
    private static JsonNode digests(JsonNode data) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        data.properties().forEach(entry -> out.put(entry.getKey(), sha256(entry.getValue().asText())));
        return out;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
