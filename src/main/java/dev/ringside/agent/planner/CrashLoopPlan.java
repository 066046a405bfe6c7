package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crash-looping pods after a bad rollout: look at the pods, their logs, the events and the rollout
 * history; if the newest revision changed the image and crashes, propose rolling back to the last
 * revision with a different image (a ring 2 call that waits for a person).
 */
final class CrashLoopPlan implements Plan {

    @Override
    public Move next(Conversation c) {
        String ns = c.namespace();
        String deployment = c.object();
        if (!c.called("list_pods")) {
            return call("Looking at the pods of " + ns + "/" + deployment + " to see which are failing and how.",
                    "list_pods", OfflinePlanner.args().put("namespace", ns).put("selector", "app=" + deployment));
        }
        JsonNode crashing = PlanData.firstPod(c.data("list_pods"), "CrashLoopBackOff");
        if (crashing == null) {
            return new Move.Finish("No pod of " + deployment + " is crash-looping now.",
                    "No pod of " + ns + "/" + deployment + " is in CrashLoopBackOff any more; nothing to do.");
        }
        String pod = crashing.path("name").asText();
        if (!c.called("get_pod_logs")) {
            return call("Pod " + pod + " is in CrashLoopBackOff after " + crashing.path("restarts").asInt()
                    + " restarts; reading its last 100 log lines.", "get_pod_logs",
                    OfflinePlanner.args().put("namespace", ns).put("name", pod).put("tail", 100));
        }
        if (!c.called("list_events")) {
            return call("Checking the namespace's events for back-offs and failed probes.", "list_events",
                    OfflinePlanner.args().put("namespace", ns));
        }
        if (!c.called("rollout_history")) {
            return call("Checking whether the crashes started with a new revision.", "rollout_history",
                    OfflinePlanner.args().put("namespace", ns).put("name", deployment));
        }
        if (!c.called("describe_deployment")) {
            return call("Reading the deployment's current spec and conditions.", "describe_deployment",
                    OfflinePlanner.args().put("namespace", ns).put("name", deployment));
        }
        String error = PlanData.firstErrorLine(c.data("get_pod_logs"));
        JsonNode revisions = c.data("rollout_history").path("revisions");
        JsonNode current = PlanData.highestRevision(revisions, Integer.MAX_VALUE);
        JsonNode previous = current == null ? null : PlanData.lastRevisionWithOtherImages(revisions, current);
        if (previous == null) {
            return new Move.Finish("There is no earlier revision with a different image to go back to.",
                    deployment + " crash-loops (" + error + ") but its history has no earlier revision with a different "
                            + "image; a person needs to look at the configuration.");
        }
        int target = previous.path("revision").asInt();
        if (!c.called("rollback_deployment")) {
            return call("Revision " + current.path("revision").asInt() + " (" + PlanData.images(current)
                    + ") crash-loops since its rollout: \"" + error + "\". Revision " + target + " ("
                    + PlanData.images(previous) + ") is the last one that ran. Proposing a rollback to revision "
                    + target + "; it is a ring 2 action, so a person decides.", "rollback_deployment",
                    OfflinePlanner.args().put("namespace", ns).put("name", deployment).put("revision", target));
        }
        Conversation.Exchange rollback = c.last("rollback_deployment").orElseThrow();
        return new Move.Finish("Summarising.", "Diagnosis: " + ns + "/" + deployment + " revision "
                + current.path("revision").asInt() + " (" + PlanData.images(current) + ") crash-loops on startup: \""
                + error + "\". Proposed rollback to revision " + target + " (" + PlanData.images(previous) + "): "
                + rollback.outcome() + ".");
    }

    private static Move call(String reasoning, String tool, JsonNode args) {
        return new Move.Call(reasoning, tool, args);
    }
}
