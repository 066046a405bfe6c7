package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Set;

/**
 * What an agent asks to do: a structured tool call, never free text.
 *
 * @param runbook               selects the dry-run mode in the policy (null: the agent's first runbook)
 * @param targetResourceVersion binds an approval to the exact state of the object it was shown for
 * @param reasoning             the model's reasoning that led to the call, shown on approval cards
 * @param blastRadius           what a write would affect, shown on approval cards
 * @param escalations           reasons found outside the model why a person must look (out-of-scope
 *                              target, flagged content earlier in the run)
 * @param limits                what the run's runbook allows; null when the call comes from no runbook
 */
public record ProposedCall(
        String callId,
        String runId,
        String agent,
        String runbook,
        String tool,
        JsonNode args,
        String targetResourceVersion,
        String reasoning,
        String blastRadius,
        List<Escalation> escalations,
        RunbookLimits limits) {

    public ProposedCall {
        args = args == null ? JsonNodeFactory.instance.objectNode() : args;
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    public static ProposedCall of(String callId, String runId, String agent, String runbook, String tool, JsonNode args) {
        return new ProposedCall(callId, runId, agent, runbook, tool, args, null, null, null, List.of(), null);
    }

    public ProposedCall withArgs(JsonNode newArgs) {
        return new ProposedCall(callId, runId, agent, runbook, tool, newArgs, targetResourceVersion, reasoning, blastRadius,
                escalations, limits);
    }

    public ProposedCall withPreview(Preview preview) {
        return new ProposedCall(callId, runId, agent, runbook, tool, args, preview.resourceVersion(), reasoning,
                preview.blastRadius().summary(), escalations, limits);
    }

    public ProposedCall withContext(String newReasoning, List<Escalation> newEscalations, RunbookLimits newLimits) {
        return new ProposedCall(callId, runId, agent, runbook, tool, args, targetResourceVersion, newReasoning, blastRadius,
                newEscalations, newLimits);
    }

    public String namespace() {
        return text("namespace");
    }

    /** A string argument, or null. */
    public String text(String argument) {
        JsonNode value = args.get(argument);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A reason, found outside the model, why this call must be seen by a person. */
    public record Escalation(String name, String why) {
    }

    /**
     * The runbook's own bounds, enforced by the gate: only its tools, nothing above its ring
     * ceiling, and no writes at all when the runbook is written as dry-run.
     */
    public record RunbookLimits(String runbook, Set<String> tools, int ringCeiling, boolean dryRun) {
        public RunbookLimits {
            tools = Set.copyOf(tools);
        }
    }
}
