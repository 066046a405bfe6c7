package dev.ringside.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.ringside.agent.guard.GuardedOutput;
import dev.ringside.agent.guard.OutputGuard;
import dev.ringside.gate.GatedTools;
import dev.ringside.gate.ProposedCall;
import dev.ringside.gate.TraceSink;
import dev.ringside.journal.TraceEvent.InjectionFlagged;
import dev.ringside.journal.TraceEvent.ToolCallProposed;

/**
 * Every tool the model can call, hallucinated names included, runs through here: the call is
 * journaled, handed to the gate with the run's containment escalations, and what comes back is
 * guarded before the model reads it. A refusal is an error result; the run goes on.
 */
final class GatedToolExecutor implements ToolExecutor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Runbook runbook;
    private final Incident incident;
    private final RunState run;
    private final GatedTools tools;
    private final OutputGuard guard;
    private final TraceSink trace;
    private final Runnable stopIfKilled;

    GatedToolExecutor(Runbook runbook, Incident incident, RunState run, GatedTools tools, OutputGuard guard, TraceSink trace,
                      Runnable stopIfKilled) {
        this.runbook = runbook;
        this.incident = incident;
        this.run = run;
        this.tools = tools;
        this.guard = guard;
        this.trace = trace;
        this.stopIfKilled = stopIfKilled;
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        stopIfKilled.run();
        String callId = run.nextCallId();
        JsonNode args = parseArguments(request.arguments());
        trace.record(run.runId(), runbook.agent(), new ToolCallProposed(callId, request.name(), args.toString()));
        ProposedCall call = ProposedCall.of(callId, run.runId(), runbook.agent(), runbook.id(), request.name(), args);
        call = call.withContext(run.lastReasoning(), Containment.escalations(call, incident, run), runbook.limits());
        GatedTools.Outcome outcome;
        try {
            outcome = tools.submit(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped("run interrupted while " + request.name() + " waited");
        }
        return switch (outcome) {
            case GatedTools.Outcome.Executed executed -> guarded(callId, request.name(), executed.output());
            case GatedTools.Outcome.Refused refused -> error("refused by the governance gate", refused.decision().rule(),
                    refused.reason());
            case GatedTools.Outcome.DryRun dry -> JSON.createObjectNode().put("dry_run", true)
                    .put("note", "runbook or policy is in dry-run mode; nothing was changed")
                    .put("would_change", dry.wouldChange()).toString();
            case GatedTools.Outcome.Failed failed -> error("the tool failed", failed.decision().rule(), failed.error());
        };
    }

    /** Also the answer to a tool name the model made up: the gate refuses it and the journal keeps it. */
    String executeUnknown(ToolExecutionRequest request) {
        return execute(request, null);
    }

    private String guarded(String callId, String tool, JsonNode output) {
        GuardedOutput result = guard.guard(callId, tool, output);
        for (var flag : result.flags()) {
            trace.record(run.runId(), runbook.agent(), new InjectionFlagged(callId, flag.vector(),
                    flag.finding().excerpt(), flag.finding().detector()));
            run.flagged(flag.vector() + " at " + tool + ":" + flag.path());
        }
        return result.forModel().toString();
    }

    private static String error(String what, String rule, String reason) {
        return JSON.createObjectNode().put("error", what).put("rule", rule).put("reason", reason).toString();
    }

    /** Malformed arguments still reach the gate (and fail its schema check) so they are journaled. */
    private static JsonNode parseArguments(String arguments) {
        if (arguments == null || arguments.isBlank()) return JSON.createObjectNode();
        try {
            JsonNode parsed = JSON.readTree(arguments);
            if (parsed != null && parsed.isObject()) return parsed;
        } catch (java.io.IOException malformed) {
            // fall through: keep the raw text so the refusal shows what the model sent
        }
        ObjectNode raw = JSON.createObjectNode();
        raw.put("_unparsed_arguments", arguments);
        return raw;
    }
}
