package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.gate.Preview;
import dev.ringside.gate.ProposedCall;
import dev.ringside.gate.ToolAdapter;
import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tool catalogue (DESIGN.md) on fabric8, acting with one agent's own client, never the
 * engineer's. Reads return structured JSON; writes are planned against the target's current state
 * so that {@link #preview} shows exactly the fields {@link #execute} will change, and an execute
 * bound to a previewed resourceVersion refuses to run if the target moved since.
 */
public final class KubernetesTools implements ToolAdapter {
    public static final Set<String> READ_TOOLS = Set.of("list_pods", "list_deployments", "list_services", "list_events", "get_pod_logs",
            "describe_deployment", "rollout_history", "get_secret");
    public static final Set<String> WRITE_TOOLS = Set.of("delete_pod", "rollout_restart", "add_labels", "scale_deployment",
            "rollback_deployment", "set_image", "patch_resource", "cordon_node", "delete_deployment", "delete_pvc",
            "delete_namespace", "run_command");
    static final String NO_SHELL = "run_command is not available in this cluster adapter";

    private final KubernetesClient client;
    private final ClusterReads reads;
    private final ClusterWrites writes;

    /** @param agentClient the agent's own client (see {@link AgentClients}); never the engineer's */
    public KubernetesTools(KubernetesClient agentClient) {
        this(agentClient, Clock.systemUTC());
    }

    /** @param clock stamps {@code rollout_restart}'s restartedAt annotation */
    public KubernetesTools(KubernetesClient agentClient, Clock clock) {
        this.client = agentClient;
        this.reads = new ClusterReads(agentClient);
        this.writes = new ClusterWrites(agentClient, clock);
    }

    @Override
    public Preview preview(ProposedCall call) throws ToolFailure {
        if (READ_TOOLS.contains(call.tool())) return Preview.NONE;
        try {
            return plan(call).preview();
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure(call.tool(), target(call), e);
        }
    }

    @Override
    public JsonNode execute(ProposedCall call) throws ToolFailure {
        ToolArgs args = new ToolArgs(call.tool(), call.args());
        try {
            return switch (call.tool()) {
                case "list_pods" -> reads.listPods(args);
                case "list_deployments" -> reads.listDeployments(args);
                case "list_services" -> reads.listServices(args);
                case "list_events" -> reads.listEvents(args);
                case "get_pod_logs" -> reads.podLogs(args);
                case "describe_deployment" -> reads.describeDeployment(args);
                case "rollout_history" -> reads.rolloutHistory(args);
                case "get_secret" -> reads.secretKeys(args);
                default -> write(call);
            };
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure(call.tool(), target(call), e);
        }
    }

    private JsonNode write(ProposedCall call) throws ToolFailure {
        PlannedWrite plan = plan(call);
        String approved = call.targetResourceVersion();
        if (approved != null && !approved.equals(plan.resourceVersion())) {
            throw new ToolFailure(plan.target().spoken() + " changed since it was previewed (resourceVersion " + approved
                    + " is now " + plan.resourceVersion() + "); preview it again");
        }
        plan.effect().apply(client);
        return plan.result();
    }

    private PlannedWrite plan(ProposedCall call) throws ToolFailure {
        ToolArgs args = new ToolArgs(call.tool(), call.args());
        return switch (call.tool()) {
            case "delete_pod" -> writes.deletePod(args);
            case "rollout_restart" -> writes.rolloutRestart(args);
            case "add_labels" -> writes.addLabels(args);
            case "scale_deployment" -> writes.scaleDeployment(args);
            case "rollback_deployment" -> writes.rollbackDeployment(args);
            case "set_image" -> writes.setImage(args);
            case "patch_resource" -> writes.patchResource(args);
            case "cordon_node" -> writes.cordonNode(args);
            case "delete_deployment" -> writes.deleteDeployment(args);
            case "delete_pvc" -> writes.deletePvc(args);
            case "delete_namespace" -> writes.deleteNamespace(args);
            // There is no shell behind this adapter; the tool exists for agents brought from elsewhere.
            case "run_command" -> throw new ToolFailure(NO_SHELL);
            default -> {
                Set<String> known = new TreeSet<>(READ_TOOLS);
                known.addAll(WRITE_TOOLS);
                throw new ToolFailure("unknown tool '" + call.tool() + "'; this adapter offers: " + String.join(", ", known));
            }
        };
    }

    /** The object a failed call was about, for the error message; null when the call names none. */
    private static ObjectRef target(ProposedCall call) {
        JsonNode args = call.args();
        String namespace = args.path("namespace").asText(null);
        String name = args.path("name").asText(null);
        String kind = switch (call.tool()) {
            case "get_pod_logs", "delete_pod" -> "Pod";
            case "describe_deployment", "rollout_history", "rollout_restart", "scale_deployment", "rollback_deployment",
                 "set_image", "delete_deployment" -> "Deployment";
            case "add_labels", "patch_resource" -> args.path("kind").asText("object");
            case "get_secret" -> "Secret";
            case "delete_pvc" -> "PersistentVolumeClaim";
            case "cordon_node" -> "Node";
            case "delete_namespace" -> "Namespace";
            default -> null;
        };
        if (kind == null || name == null) return null;
        return "Node".equals(kind) || "Namespace".equals(kind) ? ObjectRef.clusterScoped(kind, name)
                : new ObjectRef(kind, namespace, name);
    }
}
