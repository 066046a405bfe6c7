package dev.ringside.gate;

import dev.ringside.journal.TraceEvent;

/** Where the gate writes what it decided. The journal is the real one ({@code journal::record}). */
@FunctionalInterface
public interface TraceSink {

    void record(String runId, String agent, TraceEvent event);
}
