package dev.ringside.journal.export;

import dev.ringside.journal.AuditReport;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.RunReader;
import dev.ringside.journal.TraceEvent;
import java.util.List;

/**
 * A postmortem of one run in Markdown: what happened, when, what the gate decided, who approved
 * what, what was flagged, the kill steps, and whether the audit chain verified.
 */
public final class MarkdownExporter {

    private MarkdownExporter() {
    }

    /** The postmortem of {@code runId} as recorded in {@code journal}, with the kill steps that fell inside it. */
    public static String postmortem(RunReader journal, String runId, AuditReport audit) {
        return postmortem(runId, journal.readRun(runId), journal.readRun(TraceEvent.KillStep.RUN_ID), audit);
    }

    /**
     * @param run   the run's events in order
     * @param kills kill-switch events (they belong to no run) to include when they fall inside the run
     * @param audit the verification result of the journal the run came from
     */
    public static String postmortem(String runId, List<JournalEntry> run, List<JournalEntry> kills, AuditReport audit) {
        StringBuilder md = new StringBuilder("# Postmortem: run ").append(runId).append("\n\n");
        if (run.isEmpty()) return md.append("No events recorded for this run.\n\n").append(audit.message()).append('\n').toString();
        JournalEntry first = run.getFirst();
        JournalEntry last = run.getLast();
        for (JournalEntry e : run) {
            if (e.event() instanceof TraceEvent.RunStarted s) {
                md.append("- **Agent:** ").append(e.agent()).append("\n- **Runbook:** ").append(s.runbook()).append(" (")
                        .append(s.mode()).append(")\n- **Model:** ").append(s.model()).append("\n- **Trigger:** ")
                        .append(s.trigger()).append('\n');
            }
        }
        md.append("- **Started:** ").append(first.at()).append("\n- **Last event:** ").append(last.at()).append('\n');
        run.stream().filter(e -> e.event() instanceof TraceEvent.RunEnded).findFirst().ifPresent(e -> {
            TraceEvent.RunEnded end = (TraceEvent.RunEnded) e.event();
            md.append("- **Outcome:** ").append(end.outcome()).append("\n\n## Summary\n\n").append(end.summary()).append('\n');
        });

        md.append("\n## Decisions\n\n| time | tool | decision | rule | reason |\n|---|---|---|---|---|\n");
        for (JournalEntry e : run) {
            if (e.event() instanceof TraceEvent.DecisionMade d) {
                row(md, e.at().toString(), d.tool(), d.decision(), d.rule(), d.reason());
            }
        }
        md.append("\n## Approvals\n\n| time | request | outcome | by | comment |\n|---|---|---|---|---|\n");
        for (JournalEntry e : run) {
            switch (e.event()) {
                case TraceEvent.ApprovalRequested r -> row(md, e.at().toString(), shortId(r.requestId()),
                        "requested: " + r.tool() + " " + r.argsJson() + " (ring " + r.ring() + ", digest " + shortId(r.digest()) + ")",
                        r.approversNeeded() + " approver(s) needed", nullToEmpty(r.blastRadius()));
                case TraceEvent.ApprovalDecided d -> row(md, e.at().toString(), shortId(d.requestId()), d.outcome()
                        + (d.editedArgsJson() == null ? "" : " to " + d.editedArgsJson()), d.approver(), d.comment());
                case TraceEvent.ApprovalExpired x -> row(md, e.at().toString(), shortId(x.requestId()), "expired (denied)", "", "");
                default -> { }
            }
        }
        md.append("\n## Injections flagged\n\n");
        boolean anyFlag = false;
        for (JournalEntry e : run) {
            if (e.event() instanceof TraceEvent.InjectionFlagged f) {
                anyFlag = true;
                md.append("- ").append(e.at()).append(" **").append(f.vector()).append("** (").append(f.detector())
                        .append("): `").append(f.excerpt().replace("`", "'")).append("`\n");
            }
        }
        if (!anyFlag) md.append("None.\n");
        md.append("\n## Kill switch\n\n");
        List<JournalEntry> during = kills.stream().filter(k -> !k.at().isBefore(first.at()) && !k.at().isAfter(last.at())).toList();
        if (during.isEmpty()) md.append("Not pressed during this run.\n");
        for (JournalEntry k : during) {
            if (k.event() instanceof TraceEvent.KillStep s) {
                md.append("- ").append(k.at()).append(" ").append(s.step()).append(": **").append(s.status()).append("** ")
                        .append(s.detail()).append('\n');
            }
        }
        md.append("\n## Timeline\n\n| time | event | detail |\n|---|---|---|\n");
        for (JournalEntry e : run) row(md, e.at().toString(), e.type(), TimelineText.of(e.event()));
        md.append("\n## Audit chain\n\n").append(audit.message()).append('\n');
        return md.toString();
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) md.append(' ').append(escape(cell)).append(" |");
        md.append('\n');
    }

    private static String escape(String cell) {
        String text = nullToEmpty(cell).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String shortId(String id) {
        return id == null || id.length() <= 12 ? nullToEmpty(id) : id.substring(0, 12);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
