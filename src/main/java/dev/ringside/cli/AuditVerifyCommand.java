package dev.ringside.cli;

import dev.ringside.journal.AuditReport;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.JournalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Verifies the audit chain against its signed checkpoints: exit 0 intact, 1 broken. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the audit chain: prints 'audit: OK, N entries' (exit 0) or the first broken link (exit 1).")
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The journal file.")
    Path db;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Signed checkpoints (default: the directory the journal wrote them to, <db>.checkpoints).")
    Path checkpoints;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(db)) throw new UserError("no journal file at " + db);
        Path dir = checkpoints != null ? checkpoints : JournalOptions.defaultCheckpointDir(db);
        if (checkpoints != null && !Files.isDirectory(checkpoints)) throw new UserError("no checkpoint directory at " + checkpoints);
        AuditReport report = AuditVerifier.verify(db, dir);
        spec.commandLine().getOut().println(report.message());
        spec.commandLine().getOut().flush();
        return report.ok() ? 0 : 1;
    }
}
