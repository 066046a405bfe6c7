package dev.ringside.bench;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.RunResult;
import dev.ringside.agent.planner.OfflinePlanner;
import dev.ringside.app.AutoApprover;
import dev.ringside.app.Engine;
import dev.ringside.app.FileTrees;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agent runtime latencies on the sandbox with a real journal: trigger to the run's first trace
 * event as a journal subscriber (the cockpit) receives it, and kill switch to every run stopped
 * with 20 runs in flight whose model takes 300 ms per turn, as an LLM would.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class RunLatencyBenchmark {
    private static final int RUNS_IN_FLIGHT = 20;
    private static final Duration MODEL_TURN = Duration.ofMillis(300);

    /** A model that thinks for a while before each answer, like a remote LLM. */
    static final class SlowModel implements ChatModel {
        private final ChatModel planner;

        SlowModel(ChatModel planner) {
            this.planner = planner;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            try {
                Thread.sleep(MODEL_TURN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("model call interrupted", e);
            }
            return planner.chat(request);
        }
    }

    /** A sandbox engine whose journal subscriber marks each run's first event. */
    public abstract static class Sandbox {
        Path dir;
        Engine engine;
        final Map<String, CompletableFuture<Void>> firstEvent = new ConcurrentHashMap<>();
        private final AtomicInteger incidents = new AtomicInteger();

        abstract boolean slowModel();

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("ringside-bench");
            engine = Engine.sandbox(dir.resolve("journal.db"), null, (runbook, incident) -> {
                ChatModel planner = OfflinePlanner.forRunbook(runbook.planner(), runbook.requiredLabels());
                return new AgentRuntime.LabelledModel(slowModel() ? new SlowModel(planner) : planner, "bench");
            });
            engine.runtime().settleTime(Duration.ZERO);
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "bench");
            engine.journal().subscribe(entry -> {
                if (entry.event() instanceof TraceEvent.RunStarted) {
                    firstEvent.computeIfAbsent(entry.runId(), id -> new CompletableFuture<>()).complete(null);
                }
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
            FileTrees.delete(dir);
        }

        AgentRuntime.RunHandle trigger() {
            return engine.runtime().trigger(new Incident("crashloop", "shop", "svc-" + incidents.incrementAndGet(), "bench",
                    "bench", null)).orElseThrow();
        }

        void awaitFirstEvent(AgentRuntime.RunHandle handle) throws Exception {
            firstEvent.computeIfAbsent(handle.runId(), id -> new CompletableFuture<>()).get(10, TimeUnit.SECONDS);
            firstEvent.remove(handle.runId());
        }
    }

    @State(Scope.Benchmark)
    public static class TriggerState extends Sandbox {
        AgentRuntime.RunHandle last;

        @Override
        boolean slowModel() {
            return false;
        }

        @TearDown(Level.Invocation)
        public void letTheRunFinish() throws Exception {
            if (last != null) last.result().get(30, TimeUnit.SECONDS);
            last = null;
        }
    }

    @State(Scope.Benchmark)
    public static class KillState extends Sandbox {
        List<AgentRuntime.RunHandle> inFlight = List.of();

        @Override
        boolean slowModel() {
            return true;
        }

        @Setup(Level.Invocation)
        public void runsInFlight() throws Exception {
            if (engine.governance().killSwitch().isKilled()) {
                engine.governance().killSwitch().rearm("bench", "next measurement");
            }
            List<AgentRuntime.RunHandle> started = new ArrayList<>();
            for (int i = 0; i < RUNS_IN_FLIGHT; i++) started.add(trigger());
            for (AgentRuntime.RunHandle handle : started) awaitFirstEvent(handle);
            inFlight = started;
        }
    }

    /** Trigger → the run's first event delivered to a journal subscriber. */
    @Benchmark
    public void triggerToFirstTraceEvent(TriggerState s) throws Exception {
        s.last = s.trigger();
        s.awaitFirstEvent(s.last);
    }

    /** Kill switch → every one of 20 runs in flight has ended. */
    @Benchmark
    public List<RunResult> killToAllRunsStopped(KillState s) throws Exception {
        s.engine.governance().killSwitch().kill("bench", "measuring");
        List<RunResult> results = new ArrayList<>();
        for (AgentRuntime.RunHandle handle : s.inFlight) results.add(handle.result().get(10, TimeUnit.SECONDS));
        return results;
    }
}
