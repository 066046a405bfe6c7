package dev.ringside.ui.replay;

import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.ReadOnlyJournal;
import dev.ringside.journal.export.MarkdownExporter;
import dev.ringside.journal.export.OtelExporter;
import java.nio.file.Path;

/** The postmortem documents a replayed run can be exported as: what {@code ringside journal export} writes. */
public enum ExportFormat {
    MARKDOWN("Markdown postmortem", "md"),
    OTEL("OpenTelemetry GenAI spans (JSON)", "json");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    /** Reads the run from the journal file, read-only; the postmortem verifies the audit chain as the CLI does. */
    String document(Path journalFile, String runId) {
        try (ReadOnlyJournal journal = ReadOnlyJournal.open(journalFile)) {
            return switch (this) {
                case MARKDOWN -> MarkdownExporter.postmortem(journal, runId, AuditVerifier.verify(journalFile));
                case OTEL -> OtelExporter.json(runId, journal.readRun(runId)) + "\n";
            };
        }
    }
}
