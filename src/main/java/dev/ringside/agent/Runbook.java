package dev.ringside.agent;

import dev.ringside.gate.ProposedCall.RunbookLimits;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agent does for one kind of incident. The gate enforces {@code tools}, {@code ringCeiling}
 * and a dry-run {@code mode}; {@code goal} and {@code steps} tell the model (or the offline planner)
 * what to do.
 */
public record Runbook(
        String id,
        String title,
        String agent,
        String triggerKind,
        List<String> alertNames,
        String goal,
        boolean dryRun,
        int ringCeiling,
        String planner,
        List<String> tools,
        List<String> steps,
        Map<String, String> requiredLabels) {

    public Runbook {
        alertNames = List.copyOf(alertNames);
        tools = List.copyOf(tools);
        steps = List.copyOf(steps);
        requiredLabels = Map.copyOf(requiredLabels);
    }

    public String mode() {
        return dryRun ? "dry-run" : "live";
    }

    public RunbookLimits limits() {
        return new RunbookLimits(id, Set.copyOf(tools), ringCeiling, dryRun);
    }
}
