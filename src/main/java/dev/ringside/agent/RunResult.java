package dev.ringside.agent;

/** How a run ended: {@code completed}, {@code stopped} (kill switch or interruption) or {@code failed}. */
public record RunResult(String runId, String outcome, String summary) {
}
