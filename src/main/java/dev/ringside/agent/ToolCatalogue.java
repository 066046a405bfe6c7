package dev.ringside.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each tool of DESIGN.md's catalogue is described to a model. The gate validates arguments
 * against the policy's schemas; these descriptions only help the model ask well.
 */
public final class ToolCatalogue {
    private static final Map<String, ToolSpecification> SPECS = new LinkedHashMap<>();

    static {
        list("list_pods", "List pods in a namespace with status, restarts, images, labels and annotations.");
        list("list_deployments", "List deployments in a namespace with replicas, images and revision.");
        list("list_events", "List recent events in a namespace.");
        list("list_services", "List services in a namespace with type, ports, labels and annotations.");
        add("get_pod_logs", "Read the last lines of a pod's logs.", schema()
                .addStringProperty("namespace").addStringProperty("name", "pod name")
                .addStringProperty("container", "container name (optional)")
                .addIntegerProperty("tail", "number of lines, 1-5000 (default 200)").required("namespace", "name"));
        named("describe_deployment", "Describe a deployment: replicas, containers, resources, conditions.");
        named("rollout_history", "List a deployment's revisions with their images.");
        named("delete_pod", "Delete a pod so its controller recreates it (a restart).");
        named("rollout_restart", "Restart all pods of a deployment with a rolling update.");
        add("add_labels", "Add labels to an object.", schema().addStringProperty("namespace")
                .addEnumProperty("kind", List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "Service", "ConfigMap", "Namespace"))
                .addStringProperty("name").addProperty("labels", JsonObjectSchema.builder().description("label key to value").build())
                .required("namespace", "kind", "name", "labels"));
        add("scale_deployment", "Set a deployment's replica count.", schema().addStringProperty("namespace")
                .addStringProperty("name").addIntegerProperty("replicas").required("namespace", "name", "replicas"));
        add("rollback_deployment", "Roll a deployment back to an earlier revision.", schema().addStringProperty("namespace")
                .addStringProperty("name").addIntegerProperty("revision").required("namespace", "name", "revision"));
        add("set_image", "Change a container's image.", schema().addStringProperty("namespace").addStringProperty("name")
                .addStringProperty("container").addStringProperty("image").required("namespace", "name", "container", "image"));
        add("patch_resource", "Apply a JSON merge patch to an object.", schema().addStringProperty("namespace")
                .addStringProperty("kind").addStringProperty("name")
                .addProperty("patch", JsonObjectSchema.builder().description("JSON merge patch").build())
                .required("namespace", "kind", "name", "patch"));
        named("get_secret", "Read a secret's key names and sizes (never values).");
        add("cordon_node", "Mark a node unschedulable.", schema().addStringProperty("name").required("name"));
        named("delete_deployment", "Delete a deployment.");
        named("delete_pvc", "Delete a persistent volume claim.");
        add("delete_namespace", "Delete a namespace.", schema().addStringProperty("name").required("name"));
        add("run_command", "Run a shell command.", schema().addStringProperty("command").required("command"));
    }

    private ToolCatalogue() {
    }

    public static Optional<ToolSpecification> spec(String tool) {
        return Optional.ofNullable(SPECS.get(tool));
    }

    private static JsonObjectSchema.Builder schema() {
        return JsonObjectSchema.builder();
    }

    private static void list(String name, String description) {
        add(name, description, schema().addStringProperty("namespace")
                .addStringProperty("selector", "label selector, e.g. app=checkout (optional)").required("namespace"));
    }

    private static void named(String name, String description) {
        add(name, description, schema().addStringProperty("namespace").addStringProperty("name").required("namespace", "name"));
    }

    private static void add(String name, String description, JsonObjectSchema.Builder parameters) {
        SPECS.put(name, ToolSpecification.builder().name(name).description(description).parameters(parameters.build()).build());
    }
}
