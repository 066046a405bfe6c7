package dev.ringside.journal.export;

import dev.ringside.journal.TraceEvent;

/** One line a person can read for any trace event (timelines, postmortems, span names). */
public final class TimelineText {

    private TimelineText() {
    }

    public static String of(TraceEvent event) {
        return switch (event) {
            case TraceEvent.RunStarted s -> "run started: " + s.runbook() + " (" + s.mode() + ", " + s.model() + ")";
            case TraceEvent.RunEnded e -> "run " + e.outcome();
            case TraceEvent.ModelRequest r -> "asked " + r.model();
            case TraceEvent.ModelResponse r -> "reasoning: " + r.reasoning();
            case TraceEvent.ToolCallProposed p -> "proposed " + p.tool() + " " + p.argsJson();
            case TraceEvent.DecisionMade d -> d.decision() + " " + d.tool() + " (" + d.rule() + "): " + d.reason();
            case TraceEvent.ApprovalRequested r -> "approval requested for " + r.tool() + " (ring " + r.ring() + ")";
            case TraceEvent.ApprovalDecided d -> "approval " + d.outcome() + " by " + d.approver();
            case TraceEvent.ApprovalExpired x -> "approval expired (denied)";
            case TraceEvent.ToolResult r -> (r.ok() ? "result of " : "failure of ") + r.tool();
            case TraceEvent.InjectionFlagged f -> "injection flagged in " + f.vector() + ": " + f.excerpt();
            case TraceEvent.BreakerChanged b -> "breaker " + b.from() + " -> " + b.to() + ": " + b.reason();
            case TraceEvent.AccessRefused r -> r.channel() + ": refused " + r.who() + " (" + r.action() + "): " + r.reason();
            case TraceEvent.KillRevocation r -> "kill " + r.killId() + ": copy of what was revoked kept for re-arm";
            case TraceEvent.KillStep k -> "kill " + k.step() + " " + k.status() + (k.detail().isBlank() ? "" : ": " + k.detail());
        };
    }
}
