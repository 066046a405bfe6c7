package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OOMKilled containers: confirm the kill, read the limit, restart the pod (ring 1) so the service
 * recovers, and recommend a higher limit for a person to apply.
 */
final class OomPlan implements Plan {

    @Override
    public Move next(Conversation c) {
        String ns = c.namespace();
        String deployment = c.object();
        if (!c.called("list_pods")) {
            return new Move.Call("Looking for the OOMKilled container among " + ns + "/" + deployment + "'s pods.",
                    "list_pods", OfflinePlanner.args().put("namespace", ns).put("selector", "app=" + deployment));
        }
        JsonNode pod = PlanData.firstPod(c.data("list_pods"), "OOMKilled");
        if (pod == null) {
            return new Move.Finish("No container was OOMKilled.", "No pod of " + ns + "/" + deployment
                    + " shows an OOMKilled container; nothing to do.");
        }
        String name = pod.path("name").asText();
        if (!c.called("get_pod_logs")) {
            return new Move.Call("Pod " + name + " was OOMKilled (exit 137); reading its logs for memory pressure.",
                    "get_pod_logs", OfflinePlanner.args().put("namespace", ns).put("name", name).put("tail", 100));
        }
        if (!c.called("describe_deployment")) {
            return new Move.Call("Reading the memory requests and limits.", "describe_deployment",
                    OfflinePlanner.args().put("namespace", ns).put("name", deployment));
        }
        String limit = PlanData.memoryLimit(c.data("describe_deployment"));
        if (!c.called("delete_pod")) {
            return new Move.Call("Restarting " + name + " (ring 1) so the service recovers while the limit ("
                    + limit + ") is reviewed.", "delete_pod", OfflinePlanner.args().put("namespace", ns).put("name", name));
        }
        String restart = c.last("delete_pod").orElseThrow().outcome();
        return new Move.Finish("Summarising.", name + " was OOMKilled at a memory limit of " + limit + ". Restart: "
                + restart + ". Recommendation for a person: raise the limit to " + PlanData.doubled(limit)
                + " and watch the working set; the logs show: \"" + PlanData.firstErrorLine(c.data("get_pod_logs")) + "\".");
    }
}
