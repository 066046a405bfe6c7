package dev.ringside.ui.trace;

import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the live trace, already worded. {@code tone} picks the CSS style: {@code allow},
 * {@code deny}, {@code approval}, {@code injection}, {@code kill}, {@code failed} or {@code info}.
 * {@code excerpt} is the suspicious text of a flagged injection, shown highlighted.
 */
public record TraceRow(long id, Instant at, String runId, String agent, TraceKind kind, String tone, String title,
                       String detail, String excerpt) {
    /** Every tone a row can have. */
    public static final String[] TONES = {"allow", "deny", "approval", "injection", "kill", "failed", "info"};
    private static final int DETAIL_LIMIT = 600;

    /** Whether the row mentions {@code needle} (already lower-case) anywhere a person would look. */
    public boolean mentions(String needle) {
        return lower(title).contains(needle) || lower(detail).contains(needle) || lower(excerpt).contains(needle)
                || lower(agent).contains(needle) || lower(runId).contains(needle);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    public static TraceRow of(JournalEntry e) {
        return switch (e.event()) {
            case TraceEvent.RunStarted s -> row(e, TraceKind.RUN, "info", "run started: " + s.runbook() + " (" + s.mode() + ")",
                    "trigger: " + s.trigger() + " · model: " + s.model(), null);
            case TraceEvent.RunEnded s -> row(e, TraceKind.RUN, s.outcome().equals("failed") ? "failed" : "info",
                    "run ended: " + s.outcome(), s.summary(), null);
            case TraceEvent.ModelRequest s -> row(e, TraceKind.REASONING, "info", "prompt to " + s.model(), s.prompt(), null);
            case TraceEvent.ModelResponse s -> row(e, TraceKind.REASONING, "info", "model reasoning",
                    s.reasoning() == null || s.reasoning().isBlank() ? s.content() : s.reasoning(), null);
            case TraceEvent.ToolCallProposed s -> row(e, TraceKind.TOOL_CALL, "info", "proposes " + s.tool(), s.argsJson(), null);
            case TraceEvent.DecisionMade s -> switch (s.decision()) {
                case "allow" -> row(e, TraceKind.DECISION, "allow", "ALLOW " + s.tool(), s.reason(), null);
                case "approval" -> row(e, TraceKind.DECISION, "approval", "AWAITING APPROVAL " + s.tool() + " — " + s.rule(),
                        s.reason(), null);
                case "dry_run" -> row(e, TraceKind.DECISION, "approval", "DRY-RUN " + s.tool(), s.reason(), null);
                default -> row(e, TraceKind.DECISION, "deny", "DENY " + s.tool() + " — rule " + s.rule(), s.reason(), null);
            };
            case TraceEvent.ApprovalRequested s -> row(e, TraceKind.APPROVAL, "approval",
                    "approval requested: " + s.tool() + " (ring " + s.ring() + ")",
                    s.argsJson() + " · digest " + shortDigest(s.digest()) + " · expires " + s.expiresAt(), null);
            case TraceEvent.ApprovalDecided s -> row(e, TraceKind.APPROVAL, s.outcome().equals("denied") || s.outcome().equals("voided")
                    ? "deny" : "allow", "approval " + s.outcome() + " by " + s.approver(),
                    (s.comment() == null ? "" : s.comment()) + (s.editedArgsJson() == null ? ""
                            : " · edited to " + s.editedArgsJson() + " · digest " + shortDigest(s.editedDigest())), null);
            case TraceEvent.ApprovalExpired s -> row(e, TraceKind.APPROVAL, "deny", "approval expired (denied)",
                    "digest " + shortDigest(s.digest()), null);
            case TraceEvent.ToolResult s -> row(e, TraceKind.RESULT, s.ok() ? "info" : "failed",
                    "result " + s.tool() + (s.ok() ? " ok" : " FAILED") + " (" + s.durationMicros() / 1000 + " ms)", s.outputJson(), null);
            case TraceEvent.InjectionFlagged s -> row(e, TraceKind.INJECTION, "injection",
                    "INJECTION FLAGGED in " + s.vector(), "detector: " + s.detector(), s.excerpt());
            case TraceEvent.BreakerChanged s -> row(e, TraceKind.SAFETY, s.to().equals("CLOSED") ? "info" : "deny",
                    "circuit breaker " + s.from().toLowerCase(Locale.ROOT) + " → " + s.to().toLowerCase(Locale.ROOT), s.reason(), null);
            case TraceEvent.KillStep s -> row(e, TraceKind.SAFETY, "kill", "kill step " + s.step() + ": " + s.status(), s.detail(), null);
            case TraceEvent.KillRevocation s -> row(e, TraceKind.SAFETY, "kill", "kill " + s.killId() + ": revocation kept",
                    "what the kill took from the cluster, for re-arm", null);
            case TraceEvent.AccessRefused s -> row(e, TraceKind.SAFETY, "deny", "access refused in " + s.channel() + ": " + s.who(),
                    s.action() + " — " + s.reason(), null);
        };
    }

    private static TraceRow row(JournalEntry e, TraceKind kind, String tone, String title, String detail, String excerpt) {
        String d = detail == null ? "" : detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT) + " …" : detail;
        return new TraceRow(e.id(), e.at(), e.runId(), e.agent(), kind, tone, title, d, excerpt);
    }

    private static String shortDigest(String digest) {
        return digest == null ? "-" : digest.length() > 12 ? digest.substring(0, 12) : digest;
    }
}
