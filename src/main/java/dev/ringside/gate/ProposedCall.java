package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * What an agent asks to do: a structured tool call, never free text. {@code runbook} selects the
 * dry-run mode (null: the agent's first runbook). {@code targetResourceVersion} binds an approval
 * to the exact state of the object it was shown for. {@code escalations} are reasons the runtime
 * found for a human to look whatever the ring (out-of-scope target, flagged content in the run).
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
        List<Escalation> escalations) {

    public ProposedCall {
        args = args == null ? JsonNodeFactory.instance.objectNode() : args;
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    public static ProposedCall of(String callId, String runId, String agent, String runbook, String tool, JsonNode args) {
        return new ProposedCall(callId, runId, agent, runbook, tool, args, null, null, null, List.of());
    }

    public ProposedCall withArgs(JsonNode newArgs) {
        return new ProposedCall(callId, runId, agent, runbook, tool, newArgs, targetResourceVersion, reasoning, blastRadius,
                escalations);
    }

    public String namespace() {
        JsonNode ns = args.get("namespace");
        return ns != null && ns.isTextual() ? ns.textValue() : null;
    }

    /** A reason, found outside the model, why this call must be seen by a person. */
    public record Escalation(String name, String why) {
    }
}
