package dev.ringside.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads runbook YAML; a bad runbook is an error naming the file and field, never a half-read runbook. */
public final class RunbookLoader {
    /** The runbooks shipped inside the app. */
    public static final List<String> BUILT_IN = List.of("crashloop-rollback", "oom-remediation", "compliance-sweep");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("id", "title", "agent", "trigger", "goal", "mode", "ring_ceiling",
            "planner", "tools", "steps", "required_labels");

    private RunbookLoader() {
    }

    public static List<Runbook> builtIn() {
        List<Runbook> runbooks = new ArrayList<>();
        for (String id : BUILT_IN) {
            String resource = "/runbooks/" + id + ".yaml";
            try (InputStream in = RunbookLoader.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("built-in runbook " + resource + " is missing; reinstall Ringside");
                runbooks.add(parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in runbook " + resource, e);
            }
        }
        return runbooks;
    }

    /**
     * The runbooks in {@code directory} ({@code *.yaml} and {@code *.yml}, by file name), then the
     * built-in ones. A runbook found here is chosen before a built-in one with the same trigger;
     * an id used twice is an error, as is any unreadable or broken file.
     */
    public static List<Runbook> builtInAnd(Path directory) {
        List<Runbook> runbooks = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the runbooks directory " + directory + ": " + e.getMessage());
        }
        for (Path file : files) {
            try {
                runbooks.add(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read runbook " + file + ": " + e.getMessage());
            }
        }
        runbooks.addAll(builtIn());
        Set<String> ids = new java.util.HashSet<>();
        for (Runbook runbook : runbooks) {
            if (!ids.add(runbook.id())) {
                throw new IllegalArgumentException("runbook id '" + runbook.id() + "' is used twice (built-in ids: " + BUILT_IN
                        + "); give the runbook in " + directory + " an id of its own");
            }
        }
        return runbooks;
    }

    public static Runbook parse(String name, String yaml) {
        JsonNode root;
        try {
            root = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new IllegalArgumentException(name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(name + ": expected a runbook mapping");
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) throw new IllegalArgumentException(name + ": unknown key '" + key + "'; expected " + KEYS);
        });
        String mode = text(root, "mode", name);
        if (!mode.equals("live") && !mode.equals("dry-run")) {
            throw new IllegalArgumentException(name + ": mode must be 'live' or 'dry-run', got '" + mode + "'");
        }
        int ring = root.path("ring_ceiling").asInt(-1);
        if (ring < 0 || ring > 2) throw new IllegalArgumentException(name + ": ring_ceiling must be 0, 1 or 2");
        JsonNode trigger = root.path("trigger");
        Map<String, String> labels = new LinkedHashMap<>();
        root.path("required_labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> tools = texts(root.path("tools"));
        if (tools.isEmpty()) throw new IllegalArgumentException(name + ": a runbook needs at least one tool");
        return new Runbook(text(root, "id", name), text(root, "title", name), text(root, "agent", name),
                text(trigger, "kind", name + ": trigger"), texts(trigger.path("alerts")), text(root, "goal", name),
                mode.equals("dry-run"), ring, text(root, "planner", name), tools, texts(root.path("steps")), labels);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
