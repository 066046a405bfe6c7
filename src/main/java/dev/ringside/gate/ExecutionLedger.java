package dev.ringside.gate;

/**
 * Remembers which approved digests have executed, durably, so an approval runs at most once even
 * across a restart. The journal is the real one ({@code journal::claimExecution}).
 */
@FunctionalInterface
public interface ExecutionLedger {

    /** True the first time a digest is claimed; false for ever after. */
    boolean claimOnce(String digest, String requestId);
}
