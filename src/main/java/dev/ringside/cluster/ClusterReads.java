package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The read-only tools: cluster state as structured JSON with stable field names (the output guard keys on them). */
final class ClusterReads {
    static final int DEFAULT_TAIL = 200;
    static final int MAX_TAIL = 5000;
    /** Bound on log bytes handed to a model, whatever the tail. */
    static final int MAX_LOG_BYTES = 256 * 1024;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final KubernetesClient client;

    ClusterReads(KubernetesClient client) {
        this.client = client;
    }

    JsonNode listPods(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        List<Pod> pods = selected(client.pods().inNamespace(namespace), args.optionalText("selector")).list().getItems();
        ObjectNode out = JSON.objectNode().put("namespace", namespace);
        ArrayNode items = out.putArray("pods");
        pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).forEach(pod -> items.add(pod(pod)));
        return out;
    }

    JsonNode listDeployments(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        List<Deployment> deployments =
                selected(client.apps().deployments().inNamespace(namespace), args.optionalText("selector")).list().getItems();
        ObjectNode out = JSON.objectNode().put("namespace", namespace);
        ArrayNode items = out.putArray("deployments");
        deployments.stream().sorted(Comparator.comparing(d -> d.getMetadata().getName())).forEach(d -> {
            ObjectNode item = items.addObject().put("name", d.getMetadata().getName())
                    .put("replicas", orZero(d.getSpec().getReplicas()));
            var status = d.getStatus();
            item.put("ready", status == null ? 0 : orZero(status.getReadyReplicas()))
                    .put("updated", status == null ? 0 : orZero(status.getUpdatedReplicas()))
                    .put("available", status == null ? 0 : orZero(status.getAvailableReplicas()));
            ArrayNode images = item.putArray("images");
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage()));
            item.put("revision", revision(d.getMetadata().getAnnotations()));
            item.set("labels", strings(d.getMetadata().getLabels()));
            item.set("annotations", strings(d.getMetadata().getAnnotations()));
        });
        return out;
    }

    JsonNode listServices(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        List<io.fabric8.kubernetes.api.model.Service> services =
                selected(client.services().inNamespace(namespace), args.optionalText("selector")).list().getItems();
        ObjectNode out = JSON.objectNode().put("namespace", namespace);
        ArrayNode items = out.putArray("services");
        services.stream().sorted(Comparator.comparing(s -> s.getMetadata().getName())).forEach(service -> {
            ObjectNode item = items.addObject().put("name", service.getMetadata().getName())
                    .put("type", service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType());
            ArrayNode ports = item.putArray("ports");
            if (service.getSpec().getPorts() != null) {
                service.getSpec().getPorts().forEach(p -> ports.add(p.getPort() + "/" + (p.getProtocol() == null ? "TCP" : p.getProtocol())));
            }
            item.set("labels", strings(service.getMetadata().getLabels()));
            item.set("annotations", strings(service.getMetadata().getAnnotations()));
        });
        return out;
    }

    JsonNode listEvents(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        List<Event> events = selected(client.v1().events().inNamespace(namespace), args.optionalText("selector")).list().getItems();
        ObjectNode out = JSON.objectNode().put("namespace", namespace);
        ArrayNode items = out.putArray("events");
        events.stream().sorted(Comparator.comparing(ClusterReads::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(e -> e.getMetadata().getName()))
                .forEach(e -> items.addObject().put("type", e.getType()).put("reason", e.getReason())
                        .put("object", e.getInvolvedObject() == null ? null
                                : e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName())
                        .put("message", e.getMessage()).put("count", e.getCount() == null ? 1 : e.getCount())
                        .put("lastSeen", lastSeen(e)));
        return out;
    }

    JsonNode podLogs(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        String name = args.text("name");
        int tail = args.optionalInteger("tail", DEFAULT_TAIL);
        if (tail < 1 || tail > MAX_TAIL) throw new ToolFailure("get_pod_logs: tail must be between 1 and " + MAX_TAIL);
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        ObjectRef ref = new ObjectRef("Pod", namespace, name);
        if (pod == null) throw new ToolFailure(ref.spoken() + " not found");
        List<String> containers = pod.getSpec().getContainers().stream().map(Container::getName).toList();
        String container = args.optionalText("container");
        if (container == null) {
            container = containers.getFirst();
        } else if (!containers.contains(container)) {
            throw new ToolFailure(ref.spoken() + " has no container '" + container + "' (containers: "
                    + String.join(", ", containers) + ")");
        }
        String log = client.raw(logPath(namespace, name, container, tail));
        if (log == null) throw new ToolFailure(ref.spoken() + " not found");
        List<String> lines = log == null || log.isEmpty() ? List.of() : log.lines().toList();
        List<String> kept = new ArrayList<>();
        int bytes = 0;
        boolean truncated = false;
        // Keep the newest lines: the end of a log is where a crash explains itself.
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > MAX_LOG_BYTES) {
                truncated = true;
                if (kept.isEmpty()) kept.add(cut(line, MAX_LOG_BYTES - 1));
                break;
            }
            bytes += size;
            kept.add(line);
        }
        ObjectNode out = JSON.objectNode().put("namespace", namespace).put("pod", name).put("container", container);
        ArrayNode array = out.putArray("lines");
        for (int i = kept.size() - 1; i >= 0; i--) array.add(kept.get(i));
        out.put("truncated", truncated);
        return out;
    }

    /**
     * The pod's log subresource, read with one GET. fabric8's {@code getLog()} first lists and
     * watches the pod to wait for it to be ready, which a crash-looping pod never is: an extra
     * list, watch and close per read, and list/watch rights on pods an agent may not have.
     */
    static String logPath(String namespace, String pod, String container, int tail) {
        return "/api/v1/namespaces/" + encoded(namespace) + "/pods/" + encoded(pod) + "/log?container=" + encoded(container)
                + "&tailLines=" + tail;
    }

    private static String encoded(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    JsonNode describeDeployment(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        String name = args.text("name");
        Deployment d = Targets.deployment(client, namespace, name);
        ObjectNode out = JSON.objectNode().put("namespace", namespace).put("name", name)
                .put("replicas", orZero(d.getSpec().getReplicas())).put("revision", revision(d.getMetadata().getAnnotations()));
        Map<String, String> match = d.getSpec().getSelector() == null ? Map.of() : d.getSpec().getSelector().getMatchLabels();
        out.put("selector", selector(match));
        ArrayNode containers = out.putArray("containers");
        for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            ObjectNode container = containers.addObject().put("name", c.getName()).put("image", c.getImage());
            ObjectNode resources = container.putObject("resources");
            resources.set("limits", quantities(c.getResources() == null ? null : c.getResources().getLimits()));
            resources.set("requests", quantities(c.getResources() == null ? null : c.getResources().getRequests()));
        }
        ArrayNode conditions = out.putArray("conditions");
        if (d.getStatus() != null) {
            for (DeploymentCondition c : d.getStatus().getConditions()) {
                conditions.addObject().put("type", c.getType()).put("status", c.getStatus()).put("reason", c.getReason())
                        .put("message", c.getMessage());
            }
        }
        out.set("labels", strings(d.getMetadata().getLabels()));
        out.set("annotations", strings(d.getMetadata().getAnnotations()));
        return out;
    }

    JsonNode rolloutHistory(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        String name = args.text("name");
        Deployment deployment = Targets.deployment(client, namespace, name);
        ObjectNode out = JSON.objectNode().put("namespace", namespace).put("name", name);
        ArrayNode revisions = out.putArray("revisions");
        for (ReplicaSet rs : Targets.revisions(client, deployment)) {
            ObjectNode item = revisions.addObject().put("revision", Targets.revisionOf(rs));
            ArrayNode images = item.putArray("images");
            rs.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage()));
            item.put("replicaSet", rs.getMetadata().getName());
            Map<String, String> annotations = rs.getMetadata().getAnnotations();
            item.put("changeCause", annotations == null ? null : annotations.get("kubernetes.io/change-cause"));
        }
        return out;
    }

    /** Key names and sizes only: a secret's values never leave the adapter. */
    JsonNode secretKeys(ToolArgs args) throws ToolFailure {
        String namespace = args.text("namespace");
        String name = args.text("name");
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) throw new ToolFailure(new ObjectRef("Secret", namespace, name).spoken() + " not found");
        ObjectNode out = JSON.objectNode().put("namespace", namespace).put("name", name).put("type", secret.getType());
        ArrayNode keys = out.putArray("keys");
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> sizes.put(key, value == null ? 0 : Base64.getMimeDecoder().decode(value).length));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((key, value) -> sizes.put(key, value == null ? 0
                    : value.getBytes(StandardCharsets.UTF_8).length));
        }
        sizes.forEach((key, size) -> keys.addObject().put("key", key).put("bytes", size));
        return out;
    }

    private static ObjectNode pod(Pod pod) {
        ObjectNode item = JSON.objectNode().put("name", pod.getMetadata().getName());
        var status = pod.getStatus();
        List<ContainerStatus> statuses = status == null ? List.of() : status.getContainerStatuses();
        int total = pod.getSpec().getContainers().size();
        long ready = statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
        item.put("phase", status == null ? null : status.getPhase()).put("ready", ready + "/" + total)
                .put("restarts", statuses.stream().mapToInt(s -> orZero(s.getRestartCount())).sum())
                .put("status", podStatus(pod, statuses)).put("node", pod.getSpec().getNodeName());
        item.set("labels", strings(pod.getMetadata().getLabels()));
        item.set("annotations", strings(pod.getMetadata().getAnnotations()));
        ArrayNode containers = item.putArray("containers");
        for (Container container : pod.getSpec().getContainers()) {
            ContainerStatus s = statuses.stream().filter(cs -> container.getName().equals(cs.getName())).findFirst().orElse(null);
            ObjectNode c = containers.addObject().put("name", container.getName()).put("image", container.getImage());
            ContainerState state = s == null ? null : s.getState();
            if (state != null && state.getWaiting() != null) {
                c.put("state", "waiting").put("reason", state.getWaiting().getReason()).putNull("exitCode");
            } else if (state != null && state.getTerminated() != null) {
                c.put("state", "terminated").put("reason", state.getTerminated().getReason())
                        .put("exitCode", state.getTerminated().getExitCode());
            } else if (state != null && state.getRunning() != null) {
                c.put("state", "running").putNull("reason").putNull("exitCode");
            } else {
                c.put("state", "unknown").putNull("reason").putNull("exitCode");
            }
            c.put("restartCount", s == null ? 0 : orZero(s.getRestartCount()));
            ContainerState last = s == null ? null : s.getLastState();
            c.put("lastTerminationReason", last == null || last.getTerminated() == null ? null : last.getTerminated().getReason());
        }
        return item;
    }

    /** What {@code kubectl get pods} shows in STATUS: a container's waiting or terminated reason, else the phase. */
    private static String podStatus(Pod pod, List<ContainerStatus> statuses) {
        if (pod.getMetadata().getDeletionTimestamp() != null) return "Terminating";
        for (ContainerStatus s : statuses) {
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null) {
                return s.getState().getWaiting().getReason();
            }
            if (s.getState() != null && s.getState().getTerminated() != null && s.getState().getTerminated().getReason() != null) {
                return s.getState().getTerminated().getReason();
            }
        }
        return pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase();
    }

    private static <T, L, R extends Resource<T>> FilterWatchListDeletable<T, L, R> selected(
            io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<T, L, R> operation, String selector) {
        return selector == null ? operation : operation.withLabelSelector(selector);
    }

    private static String lastSeen(Event e) {
        if (e.getLastTimestamp() != null) return e.getLastTimestamp();
        if (e.getEventTime() != null) return e.getEventTime().getTime();
        return e.getFirstTimestamp();
    }

    static String selector(Map<String, String> labels) {
        return String.join(",", new java.util.TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static Integer revision(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get("deployment.kubernetes.io/revision");
        return value == null ? null : Integer.valueOf(value);
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JSON.objectNode();
        if (map != null) new java.util.TreeMap<>(map).forEach(node::put);
        return node;
    }

    private static ObjectNode quantities(Map<String, Quantity> map) {
        ObjectNode node = JSON.objectNode();
        if (map != null) new java.util.TreeMap<>(map).forEach((k, v) -> node.put(k, Objects.toString(v)));
        return node;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String cut(String line, int maxBytes) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) return line;
        String cut = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
        // Drop a character split by the byte cut (decoded as U+FFFD).
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
