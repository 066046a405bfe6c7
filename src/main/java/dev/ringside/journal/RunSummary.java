package dev.ringside.journal;

import java.time.Instant;

/**
 * One run as listed for replay.
 *
 * @param runbook    from the run's {@code run_started} event; null if none was recorded
 * @param started    time of the run's first event
 * @param ended      time of its {@code run_ended} event; null while the run is going on
 * @param outcome    from {@code run_ended}; null while the run is going on
 * @param eventCount trace events currently kept for the run (retention may have pruned older ones)
 */
public record RunSummary(String runId, String agent, String runbook, Instant started, Instant ended,
                         String outcome, long eventCount) {
}
