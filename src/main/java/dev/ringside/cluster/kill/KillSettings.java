package dev.ringside.cluster.kill;

import java.time.Duration;

/**
 * How the cluster side of the kill switch finds agents and how hard it tries.
 *
 * @param agentSelector label selector (kubectl syntax) of the agents' workloads and ServiceAccounts;
 *                      it covers third-party agents too, as long as they carry the label
 * @param stepTimeout   bound on one attempt of one step (all its API calls and its read-back)
 * @param attempts      attempts per step before it is reported failed (1 or more)
 * @param firstBackoff  wait before the second attempt; doubled before each further one
 */
public record KillSettings(String agentSelector, Duration stepTimeout, int attempts, Duration firstBackoff) {
    public static final String DEFAULT_AGENT_SELECTOR = "ringside.dev/agent=true";

    public KillSettings {
        Selector.parse(agentSelector);
        if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be positive, was " + stepTimeout);
        }
        if (attempts < 1) throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must be zero or positive, was " + firstBackoff);
        }
    }

    /** {@value #DEFAULT_AGENT_SELECTOR}, 10 s per attempt, 3 attempts, backing off 50, then 100 ms. */
    public static KillSettings defaults() {
        return new KillSettings(DEFAULT_AGENT_SELECTOR, Duration.ofSeconds(10), 3, Duration.ofMillis(50));
    }

    public KillSettings withAgentSelector(String selector) {
        return new KillSettings(selector, stepTimeout, attempts, firstBackoff);
    }

    public KillSettings withStepTimeout(Duration timeout) {
        return new KillSettings(agentSelector, timeout, attempts, firstBackoff);
    }

    /** The wait before attempt {@code attempt} (2 or more): firstBackoff, doubled for each attempt after the second. */
    Duration backoffBefore(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 2, 10));
    }

    /** Whether an object with these labels is one the kill switch would take (null: no labels). */
    public boolean selects(java.util.Map<String, String> labels) {
        return selector().matches(labels);
    }

    Selector selector() {
        return Selector.parse(agentSelector);
    }
}
