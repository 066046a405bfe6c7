package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading the fields plans need out of tool outputs, tolerating missing parts. */
final class PlanData {

    private PlanData() {
    }

    /** The first pod whose status, or any container's state or last termination, mentions {@code condition}. */
    static JsonNode firstPod(JsonNode listPods, String condition) {
        for (JsonNode pod : listPods.path("pods")) {
            if (pod.path("status").asText().equals(condition)) return pod;
            for (JsonNode container : pod.path("containers")) {
                if (container.path("reason").asText().equals(condition)
                        || container.path("lastTerminationReason").asText().equals(condition)) return pod;
            }
        }
        return null;
    }

    /** The first log line that looks like the failure, for the diagnosis. */
    static String firstErrorLine(JsonNode logs) {
        String fallback = "no error line found";
        for (JsonNode line : logs.path("lines")) {
            String text = line.isTextual() ? line.asText() : line.path("message").asText(line.toString());
            String level = line.path("level").asText("");
            String upper = text.toUpperCase(Locale.ROOT);
            if (level.equalsIgnoreCase("ERROR") || upper.contains("ERROR") || upper.contains("EXCEPTION") || upper.contains("FATAL")) {
                return text.length() > 200 ? text.substring(0, 200) + "…" : text;
            }
        }
        return fallback;
    }

    static JsonNode highestRevision(JsonNode revisions, int below) {
        JsonNode best = null;
        for (JsonNode revision : revisions) {
            int n = revision.path("revision").asInt();
            if (n < below && (best == null || n > best.path("revision").asInt())) best = revision;
        }
        return best;
    }

    static JsonNode lastRevisionWithOtherImages(JsonNode revisions, JsonNode current) {
        int below = current.path("revision").asInt();
        for (JsonNode candidate = highestRevision(revisions, below); candidate != null;
             candidate = highestRevision(revisions, candidate.path("revision").asInt())) {
            if (!images(candidate).equals(images(current))) return candidate;
        }
        return null;
    }

    static String images(JsonNode revision) {
        List<String> images = new ArrayList<>();
        revision.path("images").forEach(i -> images.add(i.asText()));
        return String.join(", ", images);
    }

    static String memoryLimit(JsonNode describe) {
        for (JsonNode container : describe.path("containers")) {
            String limit = container.path("resources").path("limits").path("memory").asText("");
            if (!limit.isEmpty()) return limit;
        }
        return "unset";
    }

    /** Twice a Kubernetes quantity like 256Mi or 1Gi, capped at 8Gi; unknown forms are returned as advice. */
    static String doubled(String quantity) {
        var m = java.util.regex.Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        if (!m.matches()) return "about twice the current limit";
        long mib = Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
        long doubled = Math.min(mib * 2, 8192);
        return doubled % 1024 == 0 ? doubled / 1024 + "Gi" : doubled + "Mi";
    }
}
