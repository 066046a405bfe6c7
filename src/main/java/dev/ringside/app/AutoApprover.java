package dev.ringside.app;

import dev.ringside.gate.ApprovalInbox;
import dev.ringside.gate.ApprovalRefused;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.ApprovalStatus;

/**
 * Answers approval requests for headless runs ({@code --approve all|none}) in the name of the
 * person running the command. It never fakes a second person: a two-person request is denied
 * with the reason, because one command line is one approver.
 */
public final class AutoApprover {

    public enum Policy { ALL, NONE }

    private AutoApprover() {
    }

    public static void attach(ApprovalInbox inbox, Policy policy, String person) {
        inbox.addListener(request -> Thread.ofVirtual().name("auto-approver").start(() -> answer(inbox, request, policy, person)));
    }

    private static void answer(ApprovalInbox inbox, ApprovalRequest request, Policy policy, String person) {
        try {
            if (!(inbox.status(request.id()).orElse(null) instanceof ApprovalStatus.Pending pending) || !pending.approvedBy().isEmpty()) {
                return;
            }
            if (policy == Policy.NONE) {
                inbox.deny(request.id(), person, "denied by --approve none");
            } else if (request.approversNeeded() > 1) {
                inbox.deny(request.id(), person, "needs " + request.approversNeeded()
                        + " different people; --approve all speaks for one");
            } else {
                inbox.approve(request.id(), person, "approved by --approve all");
            }
        } catch (ApprovalRefused alreadyDecided) {
            // decided elsewhere first (kill switch, expiry); nothing to do
        }
    }
}
