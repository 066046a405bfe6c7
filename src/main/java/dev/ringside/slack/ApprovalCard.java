package dev.ringside.slack;

import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.ApprovalStatus;
import java.util.List;

/**
 * An approval request as a Slack message: the call (tool and arguments), ring, agent, the agent's
 * reasoning, the blast radius, expiry and the digest (short, and full in a context block), with
 * Approve and Deny buttons while it is pending — ring 2 buttons ask for confirmation first. Once
 * decided, the buttons give way to the outcome and who decided.
 */
final class ApprovalCard {
    static final String APPROVE = "ringside.approve";
    static final String DENY = "ringside.deny";
    static final String BLOCK_ID = "ringside.approval";

    private ApprovalCard() {
    }

    /** A button's value: which request, bound to which digest. */
    static String buttonValue(ApprovalRequest request) {
        return request.id() + "|" + request.digest();
    }

    static SlackMessage render(ApprovalRequest request, ApprovalStatus status, boolean interactive) {
        String tool = request.call().tool();
        Blocks b = new Blocks()
                .header((status instanceof ApprovalStatus.Pending ? "Approval needed: " : "Approval request: ") + tool)
                .section("*Call* `" + Blocks.escape(tool) + "`\n```" + Blocks.escape(Blocks.bounded(
                        request.call().args().toPrettyString(), 2500)) + "```")
                .fields("*Ring*\n" + request.ring(),
                        "*Agent*\n" + Blocks.escape(request.call().agent()),
                        "*Why a person*\n" + Blocks.escape(request.reason()),
                        "*Expires*\n" + request.expiresAt(),
                        "*Approvers needed*\n" + request.approversNeeded(),
                        "*Run*\n" + Blocks.escape(request.call().runId()))
                .section("*Agent's reasoning*\n" + quote(request.call().reasoning()))
                .section("*Blast radius*\n" + quote(request.call().blastRadius()))
                .context("Digest `" + shortDigest(request.digest()) + "` · full `" + request.digest() + "` · request "
                        + request.id());
        switch (status) {
            case ApprovalStatus.Pending p -> {
                if (!p.approvedBy().isEmpty()) {
                    b.section(":ballot_box_with_check: Approved so far by " + people(p.approvedBy()) + "; needs "
                            + (request.approversNeeded() - p.approvedBy().size()) + " more");
                }
                if (interactive) {
                    b.actions(BLOCK_ID, approveButton(request), Blocks.button(DENY, "Deny", buttonValue(request), "danger"));
                } else {
                    b.context("Decide in the Ringside cockpit.");
                }
            }
            case ApprovalStatus.Granted g -> b.section(":white_check_mark: *Approved* by " + people(g.grant().approvers())
                    + (g.grant().edited() ? " (edited: digest `" + shortDigest(g.grant().digest()) + "`, args "
                    + "`" + Blocks.escape(g.grant().call().args().toString()) + "`)" : ""));
            case ApprovalStatus.Denied d -> b.section(":no_entry: *Denied* by " + Blocks.escape(d.by()) + ": "
                    + Blocks.escape(d.reason()));
            case ApprovalStatus.Expired e -> b.section(":hourglass: *Expired* at " + request.expiresAt()
                    + " without a decision, so denied");
            case ApprovalStatus.Voided v -> b.section(":octagonal_sign: *Voided*: " + Blocks.escape(v.reason()));
        }
        return b.message(fallback(request, status));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode approveButton(ApprovalRequest request) {
        var approve = Blocks.button(APPROVE, "Approve", buttonValue(request), "primary");
        if (request.ring() >= 2) {
            Blocks.confirmed(approve, "Approve a ring 2 action?", "`" + Blocks.escape(request.call().tool())
                    + "` is a high-risk write. It runs once, exactly as shown (digest `" + shortDigest(request.digest())
                    + "`).", "Approve");
        }
        return approve;
    }

    private static String fallback(ApprovalRequest request, ApprovalStatus status) {
        String what = request.call().tool() + " by " + request.call().agent() + " (ring " + request.ring() + ")";
        return switch (status) {
            case ApprovalStatus.Pending p -> "Approval needed: " + what;
            case ApprovalStatus.Granted g -> "Approved by " + String.join(", ", g.grant().approvers()) + ": " + what;
            case ApprovalStatus.Denied d -> "Denied by " + d.by() + ": " + what;
            case ApprovalStatus.Expired e -> "Expired: " + what;
            case ApprovalStatus.Voided v -> "Voided: " + what;
        };
    }

    private static String quote(String text) {
        if (text == null || text.isBlank()) {
            return "_none given_";
        }
        return "> " + Blocks.escape(Blocks.bounded(text.strip(), 2500)).replace("\n", "\n> ");
    }

    private static String people(List<String> people) {
        return Blocks.escape(String.join(" and ", people));
    }

    static String shortDigest(String digest) {
        return digest == null ? "" : digest.substring(0, Math.min(12, digest.length()));
    }
}
