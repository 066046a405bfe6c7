package dev.ringside.journal;

import java.time.Instant;

/**
 * One step of a run, as recorded in the journal. Only the payload lives here; the envelope
 * ({@link JournalEntry}) carries the id, time, run and agent.
 *
 * <p>Each event has a stable wire name ({@link #type()}) used in storage and export, and some
 * events are {@linkplain #audited() audited}: they are also appended to the hash-chained audit log.
 */
public sealed interface TraceEvent {

    /** The stable short name stored in the journal and written by exporters, e.g. {@code run_started}. */
    default String type() {
        return EventType.of(this).wireName();
    }

    /** True for events that also become links of the audit chain (decisions, approvals, kill steps, breaker changes). */
    default boolean audited() {
        return EventType.of(this).audited();
    }

    /** A run of a runbook began. {@code mode} is {@code dry-run} or {@code live}. */
    record RunStarted(String runbook, String trigger, String mode, String model) implements TraceEvent {}

    /** A run finished; {@code outcome} says how (resolved, failed, killed, ...). */
    record RunEnded(String outcome, String summary) implements TraceEvent {}

    /** A prompt sent to the model. */
    record ModelRequest(String model, String prompt) implements TraceEvent {}

    /** What the model answered, with its reasoning when the model exposes it. */
    record ModelResponse(String model, String reasoning, String content) implements TraceEvent {}

    /** The model asked for a tool call; nothing has run yet. */
    record ToolCallProposed(String callId, String tool, String argsJson) implements TraceEvent {}

    /** The gate's verdict on a proposed call: {@code allow|deny|approval|dry_run}, the rule that decided, and the call digest. */
    record DecisionMade(String callId, String tool, String decision, String rule, String reason, String digest)
            implements TraceEvent {}

    /** A call waits for a human; bound to the digest of exactly what will run. */
    record ApprovalRequested(String requestId, String digest, String tool, String argsJson, int ring,
                             Instant expiresAt, int approversNeeded, String reasoning, String blastRadius)
            implements TraceEvent {}

    /**
     * A human decided an approval request: {@code approved|denied|edited}. An edit carries the new
     * arguments and their digest; otherwise those are null.
     */
    record ApprovalDecided(String requestId, String digest, String outcome, String approver, String comment,
                           String editedArgsJson, String editedDigest) implements TraceEvent {}

    /** Nobody decided in time; expiry means deny. */
    record ApprovalExpired(String requestId, String digest) implements TraceEvent {}

    /** What a tool returned (recorded output, so replay never re-executes). */
    record ToolResult(String callId, String tool, boolean ok, String outputJson, long durationMicros)
            implements TraceEvent {}

    /** The output guard suspects an injection in tool output. A signal for people; the gate is what stops actions. */
    record InjectionFlagged(String callId, String vector, String excerpt, String detector) implements TraceEvent {}

    /** An agent's circuit breaker changed state (closed, open, half-open). */
    record BreakerChanged(String from, String to, String reason) implements TraceEvent {}

    /** One step of the kill switch: {@code requested|confirmed|failed}. */
    record KillStep(String killId, String step, String status, String detail) implements TraceEvent {
        /** The run id kill-switch events are recorded under: they belong to no single run. */
        public static final String RUN_ID = "kill-switch";
    }

    /**
     * Someone reached Ringside through a chat channel and was refused: {@code who} is the
     * channel's user id (with a display name when known), {@code action} what they tried.
     */
    record AccessRefused(String channel, String who, String action, String reason) implements TraceEvent {}

    /**
     * What a kill took from the cluster (the revocation, as JSON), kept so a person can restore it
     * on re-arm, also after a restart. Data about a kill, not one of its steps.
     */
    record KillRevocation(String killId, String revocationJson) implements TraceEvent {}
}
