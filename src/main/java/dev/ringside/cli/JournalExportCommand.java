package dev.ringside.cli;

import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.export.JsonlExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes one run of a journal to standard output. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export one run: --format jsonl.")
final class JournalExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The journal file.")
    Path db;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to export.")
    String run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl")) {
            throw new UserError("export format '" + format + "' is not available in this build; use --format jsonl");
        }
        if (!Files.isRegularFile(db)) throw new UserError("no journal file at " + db);
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            if (journal.runs().stream().noneMatch(r -> r.runId().equals(run))) {
                throw new UserError("no run '" + run + "' in " + db + "; runs there: "
                        + String.join(", ", journal.runs().stream().map(r -> r.runId()).limit(20).toList()));
            }
            PrintWriter out = spec.commandLine().getOut();
            new JsonlExporter(journal).export(run, out);
            out.flush();
        }
        return 0;
    }
}
