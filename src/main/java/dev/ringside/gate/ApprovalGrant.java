package dev.ringside.gate;

import java.util.List;

/**
 * Permission to run one call once. {@code call} is what runs — the original, or the edited call
 * when a person edited it — and {@code digest} is that call's digest. {@code original} keeps what
 * the agent asked for beside the edit.
 */
public record ApprovalGrant(ApprovalRequest request, ProposedCall call, String digest, ProposedCall original,
                            List<String> approvers) {

    public ApprovalGrant {
        approvers = List.copyOf(approvers);
    }

    public boolean edited() {
        return !digest.equals(request.digest());
    }
}
