package dev.ringside.ui.replay;

import dev.ringside.journal.RunSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A run as the run picker lists it: when it started, who ran which runbook, how many events, how it ended. */
public record RunChoice(String runId, String label) {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    static RunChoice of(RunSummary run) {
        String label = STARTED.format(run.started()) + " · " + run.agent()
                + (run.runbook() == null ? "" : " · " + run.runbook())
                + " · " + run.eventCount() + " events · " + (run.outcome() == null ? "no end recorded" : run.outcome())
                + " · " + run.runId();
        return new RunChoice(run.runId(), label);
    }

    @Override
    public String toString() {
        return label;
    }
}
