package dev.ringside.cli;

import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.JournalException;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.ReadOnlyJournal;
import dev.ringside.journal.export.JsonlExporter;
import dev.ringside.journal.export.MarkdownExporter;
import dev.ringside.journal.export.OtelExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes one run of a journal to standard output as JSON lines, OpenTelemetry spans or a Markdown
 * postmortem. The journal is opened read-only: exporting a copy from another machine, or the live
 * journal beside a running cockpit, changes nothing in it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export one run: --format jsonl (one event per line), otel (OTLP/JSON GenAI spans) or markdown (postmortem).")
final class JournalExportCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("jsonl", "otel", "markdown");

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The journal file.")
    Path db;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to export.")
    String run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl, otel or markdown")
    String format;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Audit checkpoints for the postmortem's verification "
            + "(default: <db>.checkpoints).")
    Path checkpoints;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) throw new UserError("unknown export format '" + format + "'; use one of " + FORMATS);
        PrintWriter out = spec.commandLine().getOut();
        try (ReadOnlyJournal journal = openForReading()) {
            if (journal.runs().stream().noneMatch(r -> r.runId().equals(run))) {
                throw new UserError("no run '" + run + "' in " + db + "; runs there: "
                        + String.join(", ", journal.runs().stream().map(r -> r.runId()).limit(20).toList()));
            }
            switch (format) {
                case "jsonl" -> new JsonlExporter(journal).export(run, out);
                case "otel" -> out.println(OtelExporter.json(run, journal.readRun(run)));
                default -> out.print(MarkdownExporter.postmortem(journal, run,
                        AuditVerifier.verify(db, checkpoints != null ? checkpoints : JournalOptions.defaultCheckpointDir(db))));
            }
            out.flush();
        }
        return 0;
    }

    private ReadOnlyJournal openForReading() {
        try {
            return ReadOnlyJournal.open(db);
        } catch (JournalException e) {
            throw new UserError(e.getMessage());
        }
    }
}
