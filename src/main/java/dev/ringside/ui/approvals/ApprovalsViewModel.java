package dev.ringside.ui.approvals;

import dev.ringside.ui.backend.ApprovalCard;
import dev.ringside.ui.backend.ApprovalDesk;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The approvals inbox: pending requests with their countdowns, the person's answers, and a short
 * record of how requests that left the inbox ended (granted, denied, expired, voided). The
 * approver is always the local person from {@code approver}, never an agent.
 */
public final class ApprovalsViewModel {
    private static final int CLOSED_KEPT = 50;

    private final ApprovalDesk desk;
    private final Supplier<String> approver;
    private final ObservableList<ApprovalCard> pending = FXCollections.observableArrayList();
    private final ObservableList<String> closed = FXCollections.observableArrayList();
    private final ObjectProperty<ApprovalCard> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private final ReadOnlyObjectWrapper<ApprovalCard> arrived = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Set<String> seen = new HashSet<>();
    private final Map<String, ApprovalCard> open = new LinkedHashMap<>();

    public ApprovalsViewModel(ApprovalDesk desk, Supplier<String> approver) {
        this.desk = desk;
        this.approver = approver;
    }

    /** Re-reads the inbox (which also expires what is due); called once per refresh on the FX thread. */
    public void refresh(Instant at) {
        now.set(at);
        List<ApprovalCard> current = desk.pending();
        Map<String, ApprovalCard> byId = new LinkedHashMap<>();
        current.forEach(c -> byId.put(c.id(), c));
        for (String gone : List.copyOf(open.keySet())) {
            if (!byId.containsKey(gone)) {
                ApprovalCard card = open.remove(gone);
                String standing = desk.standing(gone).orElse("gone");
                closed.addFirst(card.tool() + " (" + card.agent() + "): " + standing);
                if (closed.size() > CLOSED_KEPT) closed.removeLast();
            }
        }
        for (ApprovalCard card : current) {
            if (seen.add(card.id())) arrived.set(card);
            open.put(card.id(), card);
        }
        if (!current.equals(pending)) {
            String keep = selected.get() == null ? null : selected.get().id();
            pending.setAll(current);
            selected.set(current.stream().filter(c -> c.id().equals(keep)).findFirst()
                    .orElse(current.isEmpty() ? null : current.getFirst()));
        }
    }

    /** Ring 2 calls ask the person to confirm before approving. */
    public boolean needsConfirmation(ApprovalCard card) {
        return card.ring() >= 2;
    }

    public boolean approve(ApprovalCard card, String comment) {
        return act(() -> desk.approve(card.id(), approver.get(), blankToEmpty(comment)), card, "approved");
    }

    public boolean deny(ApprovalCard card, String reason) {
        if (reason == null || reason.isBlank()) {
            error.set("Denying needs a reason: the agent and the postmortem read it.");
            return false;
        }
        return act(() -> desk.deny(card.id(), approver.get(), reason.strip()), card, "denied");
    }

    public boolean editThenApprove(ApprovalCard card, String editedArgsJson, String comment) {
        return act(() -> desk.editThenApprove(card.id(), approver.get(), editedArgsJson, blankToEmpty(comment)), card,
                "edited and approved");
    }

    private boolean act(Supplier<String> answer, ApprovalCard card, String verb) {
        try {
            String standing = answer.get();
            error.set("");
            message.set(card.tool() + " " + verb + " by " + approver.get() + " — now " + standing);
            refresh(now.get());
            return true;
        } catch (RuntimeException e) {
            error.set(card.tool() + ": " + e.getMessage());
            refresh(now.get());
            return false;
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** "expires in 14:32", or "expired" once the deadline passed. */
    public static String countdown(ApprovalCard card, Instant at) {
        Duration left = Duration.between(at, card.expiresAt());
        if (left.isNegative() || left.isZero()) return "expired";
        long s = left.toSeconds();
        return "expires in " + (s >= 3600 ? s / 3600 + ":" + String.format("%02d:%02d", s % 3600 / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60));
    }

    /** "approved by alice (1 of 2)" for two-person requests; empty when nobody approved yet. */
    public static String approvalsSoFar(ApprovalCard card) {
        if (card.approversNeeded() < 2 && card.approvedBy().isEmpty()) return "one approver needed";
        return (card.approvedBy().isEmpty() ? "no approvals yet" : "approved by " + String.join(", ", card.approvedBy()))
                + " (" + card.approvedBy().size() + " of " + card.approversNeeded() + ")";
    }

    public ObservableList<ApprovalCard> pending() {
        return FXCollections.unmodifiableObservableList(pending);
    }

    public ObservableList<String> closed() {
        return FXCollections.unmodifiableObservableList(closed);
    }

    public ObjectProperty<ApprovalCard> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The newest request that arrived since the cockpit opened (for notifications). */
    public ReadOnlyObjectProperty<ApprovalCard> arrivedProperty() {
        return arrived.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String approver() {
        return approver.get();
    }
}
