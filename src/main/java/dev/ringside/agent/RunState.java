package dev.ringside.agent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the runtime (not the model) knows about one run: its ids, the model's latest reasoning, and
 * whether untrusted content in it was flagged — after which every write needs a person.
 */
final class RunState {
    private final String runId;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastReasoning = new AtomicReference<>("");
    private final AtomicReference<String> firstFlag = new AtomicReference<>();

    RunState(String runId) {
        this.runId = runId;
    }

    String runId() {
        return runId;
    }

    String nextCallId() {
        return runId + "/c" + calls.incrementAndGet();
    }

    String lastReasoning() {
        return lastReasoning.get();
    }

    void reasoning(String reasoning) {
        lastReasoning.set(reasoning == null ? "" : reasoning);
    }

    /** Marks the run tainted; the first flag is what later escalations cite. */
    void flagged(String where) {
        firstFlag.compareAndSet(null, where);
    }

    boolean tainted() {
        return firstFlag.get() != null;
    }

    String firstFlag() {
        return firstFlag.get();
    }
}
