package dev.ringside.agent;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.ringside.agent.guard.GuardedOutput;
import dev.ringside.agent.guard.OutputGuard;
import dev.ringside.gate.GatedTools;
import dev.ringside.gate.KillSwitch;
import dev.ringside.gate.TraceSink;
import dev.ringside.journal.TraceEvent.InjectionFlagged;
import dev.ringside.journal.TraceEvent.RunEnded;
import dev.ringside.journal.TraceEvent.RunStarted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** One run of one runbook by one agent, on LangChain4j's AiServices, every tool behind the gate. */
final class AgentRun implements Callable<RunResult> {
    private static final int MAX_TOOL_CALLS = 40;

    /** The agent as LangChain4j sees it: one incident brief in, a summary out. */
    interface IncidentWorker {
        String work(String brief);
    }

    private final Runbook runbook;
    private final Incident incident;
    private final AgentRuntime.LabelledModel model;
    private final GatedTools tools;
    private final OutputGuard guard;
    private final TraceSink trace;
    private final KillSwitch killSwitch;
    private final RunState run;

    AgentRun(String runId, Runbook runbook, Incident incident, AgentRuntime.LabelledModel model, GatedTools tools,
             OutputGuard guard, TraceSink trace, KillSwitch killSwitch) {
        this.runbook = runbook;
        this.incident = incident;
        this.model = model;
        this.tools = tools;
        this.guard = guard;
        this.trace = trace;
        this.killSwitch = killSwitch;
        this.run = new RunState(runId);
    }

    @Override
    public RunResult call() {
        trace.record(run.runId(), runbook.agent(), new RunStarted(runbook.id(), incident.summary() + " (" + incident.source()
                + ")", runbook.mode(), model.label()));
        RunResult result;
        try {
            GuardedOutput triggerData = guard.guard(run.runId() + "/trigger", "alert", incident.details());
            for (var flag : triggerData.flags()) {
                trace.record(run.runId(), runbook.agent(), new InjectionFlagged(run.runId() + "/trigger", flag.vector(),
                        flag.finding().excerpt(), flag.finding().detector()));
                run.flagged(flag.vector() + " in the trigger at " + flag.path());
            }
            String answer = worker().work(IncidentBrief.of(runbook, incident, triggerData));
            result = new RunResult(run.runId(), "completed", answer == null ? "" : answer);
        } catch (RunStopped stopped) {
            result = new RunResult(run.runId(), "stopped", stopped.getMessage());
        } catch (RuntimeException e) {
            Throwable cause = rootStop(e);
            result = cause instanceof RunStopped stopped ? new RunResult(run.runId(), "stopped", stopped.getMessage())
                    : new RunResult(run.runId(), "failed", e.toString());
        }
        trace.record(run.runId(), runbook.agent(), new RunEnded(result.outcome(), result.summary()));
        return result;
    }

    private IncidentWorker worker() {
        GatedToolExecutor executor = new GatedToolExecutor(runbook, incident, run, tools, guard, trace, this::stopIfKilled);
        Map<dev.langchain4j.agent.tool.ToolSpecification, ToolExecutor> offered = new LinkedHashMap<>();
        for (String tool : runbook.tools()) {
            ToolCatalogue.spec(tool).ifPresent(spec -> offered.put(spec, executor));
        }
        ChatModel recorded = new RecordingChatModel(model.model(), model.label(), runbook.agent(), run, trace, this::stopIfKilled);
        return AiServices.builder(IncidentWorker.class)
                .chatModel(recorded)
                .chatMemory(MessageWindowChatMemory.withMaxMessages(200))
                .systemMessage(IncidentBrief.systemMessage(runbook))
                .tools(offered)
                .hallucinatedToolNameStrategy(request -> dev.langchain4j.data.message.ToolExecutionResultMessage.from(request,
                        executor.executeUnknown(request)))
                .toolExecutionErrorHandler((error, context) -> {
                    if (rootStop(error) instanceof RunStopped stopped) throw stopped;
                    return ToolErrorHandlerResult.text("tool error: " + error.getMessage());
                })
                .maxSequentialToolsInvocations(MAX_TOOL_CALLS)
                .build();
    }

    private void stopIfKilled() {
        if (killSwitch.isKilled()) throw new RunStopped("kill switch engaged");
        if (Thread.currentThread().isInterrupted()) throw new RunStopped("run interrupted");
    }

    private static Throwable rootStop(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RunStopped) return t;
        }
        return error;
    }
}
