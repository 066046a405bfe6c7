package dev.ringside.gate;

import java.util.List;

/** Where an approval request stands. Every state but {@link Pending} is final. */
public sealed interface ApprovalStatus {

    record Pending(List<String> approvedBy) implements ApprovalStatus {
        public Pending {
            approvedBy = List.copyOf(approvedBy);
        }
    }

    record Granted(ApprovalGrant grant) implements ApprovalStatus {
    }

    record Denied(String by, String reason) implements ApprovalStatus {
    }

    record Expired() implements ApprovalStatus {
    }

    record Voided(String reason) implements ApprovalStatus {
    }
}
