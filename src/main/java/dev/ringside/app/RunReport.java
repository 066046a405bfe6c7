package dev.ringside.app;

import dev.ringside.agent.RunResult;
import dev.ringside.journal.AuditReport;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The summary a headless run prints, counted from what the journal recorded. */
public record RunReport(List<RunResult> runs, Map<String, Integer> decisions, Map<String, Integer> denials,
                        Map<String, Integer> approvals,
                        int injectionsFlagged, int toolsExecuted, List<String> killSteps, AuditReport audit) {

    public static RunReport of(List<RunResult> runs, List<JournalEntry> entries, AuditReport audit) {
        Map<String, Integer> decisions = new TreeMap<>();
        Map<String, Integer> approvals = new TreeMap<>();
        Map<String, Integer> denials = new TreeMap<>();
        int flagged = 0;
        int executed = 0;
        List<String> kill = new java.util.ArrayList<>();
        for (JournalEntry entry : entries) {
            switch (entry.event()) {
                case TraceEvent.DecisionMade d -> {
                    decisions.merge(d.decision(), 1, Integer::sum);
                    if (d.decision().equals("deny")) denials.merge(d.rule(), 1, Integer::sum);
                }
                case TraceEvent.ApprovalRequested r -> approvals.merge("requested", 1, Integer::sum);
                case TraceEvent.ApprovalDecided d -> approvals.merge(d.outcome(), 1, Integer::sum);
                case TraceEvent.ApprovalExpired e -> approvals.merge("expired", 1, Integer::sum);
                case TraceEvent.InjectionFlagged f -> flagged++;
                case TraceEvent.ToolResult r when r.ok() && !r.outputJson().contains("\"dry_run\":true") -> executed++;
                case TraceEvent.KillStep k -> kill.add(k.step() + " " + k.status() + (k.detail().isBlank() ? "" : ": " + k.detail()));
                default -> { }
            }
        }
        return new RunReport(runs, decisions, denials, approvals, flagged, executed, kill, audit);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        long completed = runs.stream().filter(r -> r.outcome().equals("completed")).count();
        out.append("runs: ").append(runs.size()).append(" (").append(completed).append(" completed, ")
                .append(runs.size() - completed).append(" stopped or failed)\n");
        for (RunResult run : runs) {
            out.append("  ").append(run.runId()).append(" ").append(run.outcome()).append(": ")
                    .append(run.summary().replace("\n", "\n    ")).append("\n");
        }
        out.append("decisions: ").append(counts(decisions)).append("\n");
        out.append("denied by rule: ").append(counts(denials)).append("\n");
        out.append("approvals: ").append(counts(approvals)).append("\n");
        out.append("tool calls executed: ").append(toolsExecuted).append("\n");
        out.append("injections flagged: ").append(injectionsFlagged).append("\n");
        out.append("kill switch: ").append(killSteps.isEmpty() ? "not pressed" : String.join("; ", killSteps)).append("\n");
        out.append(audit.message()).append("\n");
        return out.toString();
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "none";
        return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }
}
