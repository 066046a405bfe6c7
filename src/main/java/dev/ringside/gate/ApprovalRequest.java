package dev.ringside.gate;

import java.time.Instant;

/**
 * A high-risk call waiting for people. It is bound to {@code digest}; approving it allows exactly
 * that call to run once. {@code rule} and {@code reason} say why a human is needed.
 */
public record ApprovalRequest(
        String id,
        ProposedCall call,
        String digest,
        int ring,
        String rule,
        String reason,
        int approversNeeded,
        Instant createdAt,
        Instant expiresAt) {
}
