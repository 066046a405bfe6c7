package dev.ringside.bench;

import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;

/** One recorded run of many events (a decision every fiftieth, tool results between), for the replay benchmarks. */
final class BigRun {
    static final String RUN_ID = "big-run";

    private BigRun() {
    }

    static void record(Path db, int events) {
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            for (int i = 0; i < events; i++) {
                TraceEvent event = i % 50 == 0
                        ? new TraceEvent.DecisionMade("c" + i, "get_pod_logs", "allow", "allow", "ring 0 read", "3f1c2a9e")
                        : new TraceEvent.ToolResult("c" + i, "get_pod_logs", true,
                                "{\"lines\":[\"2026-11-21T02:58:11Z ERROR checkout failed to bind\"]}", 1200);
                journal.record(RUN_ID, "crashloop-agent", event);
            }
        }
    }
}
