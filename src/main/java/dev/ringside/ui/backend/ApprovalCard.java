package dev.ringside.ui.backend;

import java.time.Instant;
import java.util.List;

/**
 * A pending request as an approver sees it: the exact call, the digest approval is bound to, why
 * a person is needed, what the agent was thinking and what the call would touch.
 */
public record ApprovalCard(String id, String agent, String runId, String tool, String argsJson, String digest, int ring,
                           String rule, String reason, String reasoning, String blastRadius, int approversNeeded,
                           List<String> approvedBy, Instant createdAt, Instant expiresAt) {

    public ApprovalCard {
        approvedBy = List.copyOf(approvedBy);
    }
}
