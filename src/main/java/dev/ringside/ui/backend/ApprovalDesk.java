package dev.ringside.ui.backend;

import java.util.List;
import java.util.Optional;

/**
 * Pending high-risk calls and a person's answers. Every answer names the person; the runtime
 * refuses agents as approvers and re-checks an edited call before it may be approved. Refusals
 * come back as {@link IllegalStateException} or {@link IllegalArgumentException} with a message
 * meant for the person.
 */
public interface ApprovalDesk {

    List<ApprovalCard> pending();

    /** Where a request stands now, in words: {@code pending}, {@code granted}, {@code denied by …}, {@code expired}, {@code voided: …}. */
    Optional<String> standing(String requestId);

    String approve(String requestId, String approver, String comment);

    String deny(String requestId, String person, String reason);

    /** Approves the call with {@code editedArgsJson} instead; the edit is a new call with a new digest. */
    String editThenApprove(String requestId, String approver, String editedArgsJson, String comment);
}
