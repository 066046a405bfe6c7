package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.gate.Preview.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field-by-field difference between an object before and after a write, as people read it:
 * {@code spec.template.spec.containers[checkout].image: ...:2.4.0 -> ...:2.3.1}. Status and server
 * bookkeeping are ignored: they are not what a write asks for.
 */
final class ObjectDiff {
    static final String ABSENT = "<none>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> IGNORED = Set.of("status", "metadata.resourceVersion", "metadata.managedFields",
            "metadata.generation", "metadata.uid", "metadata.creationTimestamp", "metadata.selfLink");

    private ObjectDiff() {
    }

    static List<FieldChange> between(ObjectRef object, Object before, Object after) {
        Map<String, String> old = flatten(JSON.valueToTree(before));
        Map<String, String> now = flatten(JSON.valueToTree(after));
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = old.getOrDefault(field, ABSENT);
            String is = now.getOrDefault(field, ABSENT);
            if (!was.equals(is)) changes.add(new FieldChange(object.toString(), field, was, is));
        }
        return changes;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (IGNORED.contains(path)) return;
        if (node.isObject()) {
            if (node.isEmpty()) return;
            node.properties().forEach(entry -> flatten(child(path, entry.getKey()), entry.getValue(), leaves));
        } else if (node.isArray()) {
            if (node.isEmpty()) return;
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String index = element.isObject() && element.hasNonNull("name") ? element.get("name").asText() : String.valueOf(i);
                flatten(path + "[" + index + "]", element, leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asText());
        }
    }

    private static String child(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) return path.isEmpty() ? key : path + "." + key;
        return path + "[\"" + key + "\"]";
    }
}
