package dev.ringside.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.ringside.agent.guard.OutputGuard;
import dev.ringside.gate.GatedTools;
import dev.ringside.gate.Governance;
import dev.ringside.gate.TraceSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Starts runs for incidents, one virtual thread each, many at once. A second trigger for an
 * incident already being worked starts nothing. A kill interrupts every run at once; the gate
 * already denies everything from the moment the kill returns.
 */
public final class AgentRuntime implements AutoCloseable {

    /** A model and the label the journal and UI show for it (e.g. "offline planner — no LLM"). */
    public record LabelledModel(ChatModel model, String label) {
    }

    /** Picks the model for a run. */
    @FunctionalInterface
    public interface ModelChoice {
        LabelledModel modelFor(Runbook runbook, Incident incident);
    }

    /** A run in progress or finished. */
    public record RunHandle(String runId, Incident incident, Runbook runbook, CompletableFuture<RunResult> result) {
    }

    private record Active(RunHandle handle, Thread thread) {
    }

    private final Governance governance;
    private final TraceSink trace;
    private final Function<String, GatedTools> toolsForAgent;
    private final ModelChoice models;
    private final List<Runbook> runbooks;
    private final OutputGuard guard;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> finished = new ConcurrentHashMap<>();
    private final List<RunHandle> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Duration settleTime = Duration.ofMinutes(15);

    public AgentRuntime(Governance governance, TraceSink trace, Function<String, GatedTools> toolsForAgent, ModelChoice models,
                        List<Runbook> runbooks, OutputGuard guard) {
        this.governance = governance;
        this.trace = trace;
        this.toolsForAgent = toolsForAgent;
        this.models = models;
        this.runbooks = List.copyOf(runbooks);
        this.guard = guard;
        governance.killSwitch().addListener(kill -> interruptAll());
    }

    public List<Runbook> runbooks() {
        return runbooks;
    }

    public Optional<Runbook> runbookFor(Incident incident) {
        return runbooks.stream().filter(r -> r.triggerKind().equals(incident.kind())).findFirst();
    }

    /**
     * Starts the matching runbook unless nothing matches, the incident is being worked, or a run
     * for it finished within the settle time (watches keep re-reporting the same trouble while the
     * fix takes effect or waits for people).
     */
    public synchronized Optional<RunHandle> trigger(Incident incident) {
        if (governance.killSwitch().isKilled() || active.containsKey(incident.key())) return Optional.empty();
        java.time.Instant lastEnd = finished.get(incident.key());
        if (lastEnd != null && lastEnd.plus(settleTime).isAfter(java.time.Instant.now())) return Optional.empty();
        return runbookFor(incident).map(runbook -> start(runbook, incident));
    }

    /** How long after a run ends a new trigger for the same incident is ignored (default 15 minutes). */
    public void settleTime(Duration time) {
        settleTime = time;
    }

    /** Every run started so far, in order. */
    public List<RunHandle> started() {
        return List.copyOf(started);
    }

    private RunHandle start(Runbook runbook, Incident incident) {
        String runId = runbook.agent() + "-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        RunHandle handle = new RunHandle(runId, incident, runbook, result);
        AgentRun run = new AgentRun(runId, runbook, incident, models.modelFor(runbook, incident),
                toolsForAgent.apply(runbook.agent()), guard, trace, governance.killSwitch());
        Thread thread = Thread.ofVirtual().name("run-" + runId).unstarted(() -> {
            try {
                result.complete(run.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                finished.put(incident.key(), java.time.Instant.now());
                active.remove(incident.key());
            }
        });
        active.put(incident.key(), new Active(handle, thread));
        started.add(handle);
        thread.start();
        return handle;
    }

    public List<RunHandle> active() {
        return active.values().stream().map(Active::handle).toList();
    }

    /** Waits until no run is active, or the timeout passes; returns whether all finished. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!active.isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            List<CompletableFuture<RunResult>> running = new ArrayList<>();
            active.values().forEach(a -> running.add(a.handle().result()));
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                        .get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // loop re-checks what is still active and the deadline
            }
        }
        return true;
    }

    private void interruptAll() {
        active.values().forEach(a -> a.thread().interrupt());
    }

    @Override
    public void close() {
        interruptAll();
    }
}
