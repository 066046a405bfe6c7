package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.journal.TraceEvent.ApprovalDecided;
import dev.ringside.journal.TraceEvent.ApprovalExpired;
import dev.ringside.journal.TraceEvent.ApprovalRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pending high-risk calls and what people decide about them. Rules that hold whatever the UI or
 * Slack does: the requesting agent (or any agent) never approves; each approver counts once; two-
 * person requests need two different people; an expired request is denied; a kill voids everything
 * pending; a granted digest executes at most once, recorded durably by the {@link ExecutionLedger}.
 */
public final class ApprovalInbox {
    /** Finished requests are forgotten this long after they were opened; the journal keeps them. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Clock clock;
    private final TraceSink trace;
    private final ExecutionLedger ledger;
    private final BooleanSupplier killed;
    private final Supplier<Set<String>> agentIds;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Consumer<ApprovalRequest>> changeListeners = new CopyOnWriteArrayList<>();

    public ApprovalInbox(Clock clock, TraceSink trace, ExecutionLedger ledger, BooleanSupplier killed,
                         Supplier<Set<String>> agentIds) {
        this.clock = clock;
        this.trace = trace;
        this.ledger = ledger;
        this.killed = killed;
        this.agentIds = agentIds;
    }

    private static final class Entry {
        final ApprovalRequest request;
        final CompletableFuture<ApprovalStatus> outcome = new CompletableFuture<>();
        final List<String> approvers = new ArrayList<>();
        ProposedCall current;
        String currentDigest;
        ApprovalStatus status = new ApprovalStatus.Pending(List.of());

        Entry(ApprovalRequest request) {
            this.request = request;
            this.current = request.call();
            this.currentDigest = request.digest();
        }
    }

    /** Told whenever a request opens or changes state (cockpit inbox, Slack message updates). */
    public void addListener(Consumer<ApprovalRequest> listener) {
        changeListeners.add(listener);
    }

    ApprovalRequest open(ProposedCall call, String digest, int ring, String rule, String reason, int approversNeeded,
                         Duration ttl) {
        Instant now = clock.instant();
        ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), call, digest, ring, rule, reason,
                approversNeeded, now, now.plus(ttl));
        synchronized (this) {
            entries.put(request.id(), new Entry(request));
        }
        trace.record(call.runId(), call.agent(), new ApprovalRequested(request.id(), digest, call.tool(),
                call.args().toString(), ring, request.expiresAt(), approversNeeded, call.reasoning(), call.blastRadius()));
        notifyListeners(request);
        return request;
    }

    public synchronized List<ApprovalRequest> pending() {
        expireDue();
        return entries.values().stream().filter(e -> e.status instanceof ApprovalStatus.Pending).map(e -> e.request).toList();
    }

    public synchronized Optional<ApprovalStatus> status(String requestId) {
        expireDue();
        return Optional.ofNullable(entries.get(requestId)).map(e -> e.status);
    }

    /** Completes when the request reaches a final state: granted, denied, expired or voided. */
    public synchronized CompletableFuture<ApprovalStatus> outcome(String requestId) {
        Entry entry = entries.get(requestId);
        if (entry == null) throw new ApprovalRefused("no approval request " + requestId);
        return entry.outcome;
    }

    public ApprovalStatus approve(String requestId, String approver, String comment) {
        return approveDigest(requestId, null, approver, comment);
    }

    /**
     * Approves only while the request still stands for {@code digest} (null: whatever it stands for
     * now). A button shown for one call — in Slack, say — never approves a call edited since.
     */
    public ApprovalStatus approveDigest(String requestId, String digest, String approver, String comment) {
        ApprovalRequest changed;
        ApprovalStatus result;
        synchronized (this) {
            Entry entry = pendingEntry(requestId);
            checkDigest(entry, digest);
            checkApprover(entry, approver);
            result = addApproval(entry, approver);
            trace.record(entry.request.call().runId(), entry.request.call().agent(), new ApprovalDecided(requestId,
                    entry.currentDigest, "approved", approver, comment == null ? "" : comment, null, null));
            changed = entry.request;
        }
        notifyListeners(changed);
        return result;
    }

    public ApprovalStatus deny(String requestId, String person, String reason) {
        return denyDigest(requestId, null, person, reason);
    }

    /** Denies only while the request still stands for {@code digest} (null: whatever it stands for now). */
    public ApprovalStatus denyDigest(String requestId, String digest, String person, String reason) {
        if (reason == null || reason.isBlank()) throw new ApprovalRefused("denying needs a reason, for the agent and the postmortem");
        ApprovalRequest changed;
        ApprovalStatus result;
        synchronized (this) {
            Entry entry = pendingEntry(requestId);
            checkDigest(entry, digest);
            checkPerson(person);
            result = finish(entry, new ApprovalStatus.Denied(person, reason));
            trace.record(entry.request.call().runId(), entry.request.call().agent(),
                    new ApprovalDecided(requestId, entry.currentDigest, "denied", person, reason, null, null));
            changed = entry.request;
        }
        notifyListeners(changed);
        return result;
    }

    /**
     * A person changes the arguments and approves the changed call. The edit is a new call with a
     * new digest, so {@code recheck} (the gate's hard checks: kill, never_allow, schema, ring, scope)
     * runs on it first; earlier approvals were for the original and no longer count.
     */
    ApprovalStatus editThenApprove(String requestId, String approver, JsonNode newArgs, String comment,
                                   Function<ProposedCall, Optional<String>> recheck) {
        ApprovalRequest changed;
        ApprovalStatus result;
        synchronized (this) {
            Entry entry = pendingEntry(requestId);
            checkApprover(entry, approver);
            ProposedCall edited = entry.request.call().withArgs(newArgs);
            Optional<String> refusal = recheck.apply(edited);
            if (refusal.isPresent()) throw new ApprovalRefused("the edited call is not allowed: " + refusal.get());
            entry.current = edited;
            entry.currentDigest = CallDigest.of(edited);
            entry.approvers.clear();
            result = addApproval(entry, approver);
            trace.record(entry.request.call().runId(), entry.request.call().agent(), new ApprovalDecided(requestId,
                    entry.request.digest(), "edited", approver, comment == null ? "" : comment, newArgs.toString(),
                    entry.currentDigest));
            changed = entry.request;
        }
        notifyListeners(changed);
        return result;
    }

    /**
     * Takes the one execution a grant allows. Refused after a kill, when what is about to run is
     * not what was approved (arguments or target changed), or when the digest already ran.
     */
    public void claim(ApprovalGrant grant, String digestAboutToRun) {
        if (killed.getAsBoolean()) throw new ApprovalRefused("kill switch is engaged; approved calls do not run");
        if (!grant.digest().equals(digestAboutToRun)) {
            throw new ApprovalRefused("what would run (digest " + digestAboutToRun + ") is not what was approved ("
                    + grant.digest() + "); ask again");
        }
        if (!ledger.claimOnce(grant.digest(), grant.request().id())) {
            throw new ApprovalRefused("approval " + grant.request().id() + " already executed once (digest "
                    + grant.digest() + ")");
        }
    }

    /** Marks every pending request past its deadline as expired, which means denied. */
    public synchronized int expireDue() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !(e.status instanceof ApprovalStatus.Pending)
                && e.request.createdAt().plus(FORGET_AFTER).isBefore(now));
        int expired = 0;
        for (Entry entry : entries.values()) {
            if (entry.status instanceof ApprovalStatus.Pending && !now.isBefore(entry.request.expiresAt())) {
                finish(entry, new ApprovalStatus.Expired());
                trace.record(entry.request.call().runId(), entry.request.call().agent(),
                        new ApprovalExpired(entry.request.id(), entry.currentDigest));
                expired++;
            }
        }
        return expired;
    }

    /** The kill switch's part: nothing pending may ever be approved. */
    public void voidAll(String reason) {
        List<ApprovalRequest> voided = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries.values()) {
                if (entry.status instanceof ApprovalStatus.Pending) {
                    finish(entry, new ApprovalStatus.Voided(reason));
                    trace.record(entry.request.call().runId(), entry.request.call().agent(), new ApprovalDecided(
                            entry.request.id(), entry.currentDigest, "voided", "kill-switch", reason, null, null));
                    voided.add(entry.request);
                }
            }
        }
        voided.forEach(this::notifyListeners);
    }

    private Entry pendingEntry(String requestId) {
        expireDue();
        Entry entry = entries.get(requestId);
        if (entry == null) throw new ApprovalRefused("no approval request " + requestId);
        switch (entry.status) {
            case ApprovalStatus.Pending p -> {
                return entry;
            }
            case ApprovalStatus.Expired e -> throw new ApprovalRefused("request expired at " + entry.request.expiresAt()
                    + " and was denied; the agent may ask again");
            case ApprovalStatus.Voided v -> throw new ApprovalRefused("request was voided: " + v.reason());
            case ApprovalStatus.Denied d -> throw new ApprovalRefused("request was already denied by " + d.by());
            case ApprovalStatus.Granted g -> throw new ApprovalRefused("request was already approved");
        }
    }

    private static void checkDigest(Entry entry, String digest) {
        if (digest != null && !digest.equals(entry.currentDigest)) {
            throw new ApprovalRefused("request " + entry.request.id() + " now stands for digest " + entry.currentDigest
                    + ", not " + digest + " (the call was edited after it was shown); decide on the current call");
        }
    }

    private void checkApprover(Entry entry, String approver) {
        checkPerson(approver);
        if (approver.equals(entry.request.call().agent())) {
            throw new ApprovalRefused("the requesting agent cannot approve its own request");
        }
        if (entry.approvers.contains(approver)) {
            throw new ApprovalRefused(approver + " already approved; this request needs a different second person");
        }
    }

    private void checkPerson(String person) {
        if (person == null || person.isBlank()) throw new ApprovalRefused("an approver identity is required");
        if (agentIds.get().contains(person)) throw new ApprovalRefused("agents cannot approve or deny requests: " + person);
    }

    private ApprovalStatus addApproval(Entry entry, String approver) {
        entry.approvers.add(approver);
        if (entry.approvers.size() < entry.request.approversNeeded()) {
            entry.status = new ApprovalStatus.Pending(entry.approvers);
            return entry.status;
        }
        ApprovalGrant grant = new ApprovalGrant(entry.request, entry.current, entry.currentDigest, entry.request.call(),
                entry.approvers);
        return finish(entry, new ApprovalStatus.Granted(grant));
    }

    private ApprovalStatus finish(Entry entry, ApprovalStatus status) {
        entry.status = status;
        entry.outcome.complete(status);
        return status;
    }

    private void notifyListeners(ApprovalRequest request) {
        for (Consumer<ApprovalRequest> listener : changeListeners) listener.accept(request);
    }
}
