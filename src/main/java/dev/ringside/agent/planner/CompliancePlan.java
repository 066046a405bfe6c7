package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compliance sweep of one namespace: add missing required labels (ring 1) with placeholder values
 * so owners get chased, and propose making public load balancers internal (ring 2, a person decides).
 */
final class CompliancePlan implements Plan {
    private static final String INTERNAL_ANNOTATION = "networking.gke.io/load-balancer-type";
    private final Map<String, String> required;

    CompliancePlan(Map<String, String> requiredLabels) {
        this.required = requiredLabels;
    }

    @Override
    public Move next(Conversation c) {
        String ns = c.namespace();
        if (!c.called("list_deployments")) {
            return new Move.Call("Listing deployments in " + ns + " to check their labels.", "list_deployments",
                    OfflinePlanner.args().put("namespace", ns));
        }
        if (!c.called("list_services")) {
            return new Move.Call("Listing services in " + ns + " for labels and public load balancers.", "list_services",
                    OfflinePlanner.args().put("namespace", ns));
        }
        for (JsonNode deployment : c.data("list_deployments").path("deployments")) {
            Move fix = labelFix(c, ns, "Deployment", deployment);
            if (fix != null) return fix;
        }
        for (JsonNode service : c.data("list_services").path("services")) {
            Move fix = labelFix(c, ns, "Service", service);
            if (fix != null) return fix;
        }
        for (JsonNode service : c.data("list_services").path("services")) {
            String name = service.path("name").asText();
            boolean publicLb = service.path("type").asText().equals("LoadBalancer") && !service.path("annotations").has(INTERNAL_ANNOTATION);
            if (publicLb && !alreadyDone(c, "patch_resource", name)) {
                ObjectNode patch = OfflinePlanner.args();
                patch.putObject("metadata").putObject("annotations").put(INTERNAL_ANNOTATION, "Internal");
                ObjectNode args = OfflinePlanner.args().put("namespace", ns).put("kind", "Service").put("name", name);
                args.set("patch", patch);
                return new Move.Call("Service " + name + " is a public LoadBalancer; proposing to make it internal "
                        + "(ring 2: a person decides, since it changes who can reach it).", "patch_resource", args);
            }
        }
        List<String> done = new ArrayList<>();
        for (Conversation.Exchange e : c.exchanges()) {
            if (e.tool().equals("add_labels") || e.tool().equals("patch_resource")) {
                done.add(e.tool() + " " + e.args().path("kind").asText() + "/" + e.args().path("name").asText() + ": " + e.outcome());
            }
        }
        return new Move.Finish("Sweep finished.", done.isEmpty() ? "Namespace " + ns + " is compliant."
                : "Compliance sweep of " + ns + ":\n" + String.join("\n", done));
    }

    private Move labelFix(Conversation c, String ns, String kind, JsonNode object) {
        String name = object.path("name").asText();
        ObjectNode missing = OfflinePlanner.args();
        required.forEach((key, placeholder) -> {
            if (!object.path("labels").has(key)) missing.put(key, placeholder);
        });
        if (missing.isEmpty() || alreadyDone(c, "add_labels", name)) return null;
        ObjectNode args = OfflinePlanner.args().put("namespace", ns).put("kind", kind).put("name", name);
        args.set("labels", missing);
        return new Move.Call(kind + " " + name + " lacks required labels " + missing.properties().stream().map(Map.Entry::getKey)
                .toList() + "; adding placeholders (ring 1) so its owners are chased.", "add_labels", args);
    }

    private static boolean alreadyDone(Conversation c, String tool, String name) {
        return c.exchanges().stream().anyMatch(e -> e.tool().equals(tool) && e.args().path("name").asText().equals(name));
    }
}
