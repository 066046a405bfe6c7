package dev.ringside.policy;

import java.time.Duration;
import java.util.Set;

/** How approvals behave. Expiry always means deny; {@code twoPersonTools} need two distinct approvers. */
public record ApprovalSettings(Duration ttl, Set<String> twoPersonTools) {

    public ApprovalSettings {
        twoPersonTools = Set.copyOf(twoPersonTools);
    }

    public int approversNeeded(String tool) {
        return twoPersonTools.contains(tool) ? 2 : 1;
    }
}
