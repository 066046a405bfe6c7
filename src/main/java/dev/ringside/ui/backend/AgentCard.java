package dev.ringside.ui.backend;

/**
 * One agent as the cockpit shows it.
 *
 * @param breaker       {@code closed}, {@code open} or {@code half-open}
 * @param tripsInWindow destructive actions counted in the breaker's current window
 * @param tripLimit     how many the window allows before the breaker opens
 * @param currentRun    the active run's id, or null when the agent is idle
 * @param mode          the runbook's mode: {@code dry-run} or {@code live}
 * @param paused        true when the agent cannot act (breaker open or kill switch engaged)
 */
public record AgentCard(String id, int ring, int proposesUpTo, String breaker, int tripsInWindow, int tripLimit,
                        String currentRun, String runbook, String mode, boolean paused) {
}
