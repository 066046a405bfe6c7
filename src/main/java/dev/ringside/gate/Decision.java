package dev.ringside.gate;

/**
 * The gate's answer to one proposed call. {@code rule} names the check that decided (DESIGN.md's
 * rule ids); {@code reason} is for a person. {@code digest} binds the decision to exactly what was asked.
 */
public sealed interface Decision {

    String callId();

    String rule();

    String reason();

    String digest();

    /** The wire name used by the CLI and the journal: allow, deny, approval or dry_run. */
    String kind();

    record Allow(String callId, String rule, String reason, String digest, boolean breakerProbe) implements Decision {
        public String kind() {
            return "allow";
        }
    }

    record Deny(String callId, String rule, String reason, String digest) implements Decision {
        public String kind() {
            return "deny";
        }
    }

    record NeedsApproval(String callId, String rule, String reason, String digest, ApprovalRequest request) implements Decision {
        public String kind() {
            return "approval";
        }
    }

    record DryRun(String callId, String rule, String reason, String digest) implements Decision {
        public String kind() {
            return "dry_run";
        }
    }
}
