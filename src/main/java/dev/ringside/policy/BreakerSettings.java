package dev.ringside.policy;

import java.time.Duration;

/**
 * Per-agent circuit breaker limits: more than {@code maxDestructive} destructive actions or
 * {@code maxFailures} failed actions within {@code window} opens it; after {@code coolDown} it lets
 * {@code halfOpenProbes} calls through to test recovery.
 */
public record BreakerSettings(Duration window, int maxDestructive, int maxFailures, Duration coolDown, int halfOpenProbes) {
}
