package dev.ringside.agent.guard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Tool outputs in the shapes the cluster adapter returns, with one string chosen by the test. */
final class ToolOutputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToolOutputs() {
    }

    static ObjectNode podList(String podName, Map<String, String> annotations) {
        ObjectNode out = NODES.objectNode();
        out.put("namespace", "shop");
        ObjectNode pod = out.putArray("pods").addObject();
        pod.put("name", podName);
        pod.put("phase", "Running");
        pod.put("ready", false);
        pod.put("restarts", 7);
        pod.put("status", "CrashLoopBackOff");
        pod.put("node", "kind-worker");
        pod.putObject("labels").put("app", "checkout").put("pod-template-hash", "6c9d7f5b8");
        ObjectNode podAnnotations = pod.putObject("annotations");
        annotations.forEach(podAnnotations::put);
        ObjectNode container = pod.putArray("containers").addObject();
        container.put("name", "checkout");
        container.put("image", "ghcr.io/shop/checkout:1.4.2");
        container.put("state", "waiting");
        container.put("reason", "CrashLoopBackOff");
        container.put("exitCode", 1);
        container.put("restartCount", 7);
        container.put("lastTerminationReason", "Error");
        return out;
    }

    static ObjectNode podLogs(String... lines) {
        ObjectNode out = NODES.objectNode();
        out.put("namespace", "shop");
        out.put("pod", "checkout-6c9d7f5b8-x2k4p");
        out.put("container", "checkout");
        ArrayNode array = out.putArray("lines");
        for (String line : lines) {
            array.add(line);
        }
        out.put("truncated", false);
        return out;
    }

    static ObjectNode events(String message) {
        ObjectNode out = NODES.objectNode();
        out.put("namespace", "shop");
        ObjectNode event = out.putArray("events").addObject();
        event.put("type", "Warning");
        event.put("reason", "BackOff");
        event.put("object", "pod/checkout-6c9d7f5b8-x2k4p");
        event.put("message", message);
        event.put("count", 12);
        event.put("lastSeen", "2025-11-21T02:58:11Z");
        return out;
    }

    static ObjectNode alert(String description) {
        ObjectNode out = NODES.objectNode();
        out.put("version", "4");
        out.put("status", "firing");
        ObjectNode alert = out.putArray("alerts").addObject();
        alert.put("status", "firing");
        alert.putObject("labels").put("alertname", "KubePodCrashLooping").put("namespace", "shop")
                .put("pod", "checkout-6c9d7f5b8-x2k4p").put("severity", "critical");
        alert.putObject("annotations").put("summary", "Pod is crash looping.").put("description", description);
        alert.put("startsAt", "2025-11-21T02:48:11Z");
        return out;
    }
}
