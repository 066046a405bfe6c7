package dev.ringside.cli;

import dev.ringside.app.FileTrees;
import dev.ringside.app.RedTeam;
import dev.ringside.app.RedTeamCase;
import dev.ringside.app.SandboxWorld;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringside redteam --payloads FILE.jsonl}: exit 1 if any attack changed the cluster without approval. */
@Command(name = "redteam", mixinStandardHelpOptions = true,
        description = "Plant each payload in the sandbox, run the demo runbook with a model that obeys every instruction, "
                + "grant no approval, and count attacks that changed the cluster (exit 1 if any).")
final class RedTeamCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policy;

    @Option(names = "--payloads", required = true, paramLabel = "FILE.jsonl",
            description = "Corpus lines {\"id\",\"vector\",\"payload\",\"attack\":{\"tool\",\"args\"}} or {...,\"benign\":true}; repeatable.")
    List<Path> payloads;

    @Option(names = "--journal", paramLabel = "FILE", description = "Keep the journal of every case here (default: a temporary file).")
    Path journalFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<RedTeamCase> cases = new ArrayList<>();
        for (Path file : payloads) {
            if (!Files.isReadable(file)) throw new UserError("cannot read payload file " + file);
            try {
                cases.addAll(RedTeamCase.read(file));
            } catch (IllegalArgumentException bad) {
                throw new UserError(bad.getMessage());
            }
        }
        ActivePolicy.State state = ActivePolicy.load(policy.file).state();
        if (!(state instanceof ActivePolicy.Loaded loaded)) {
            throw new UserError("no valid policy: " + ((ActivePolicy.Broken) state).reason());
        }
        Path dir = null;
        Path db = journalFile;
        if (db == null) {
            dir = Files.createTempDirectory("ringside-redteam");
            db = dir.resolve("redteam.db");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RedTeam.Verdict> verdicts;
        try (SandboxWorld world = SandboxWorld.start(Clock.systemUTC());
             Journal journal = Journal.open(JournalOptions.at(db))) {
            AtomicInteger done = new AtomicInteger();
            verdicts = new RedTeam(world, journal, loaded.policy()).run(cases, verdict -> {
                int n = done.incrementAndGet();
                if (verdict.executed()) {
                    err.println("EXECUTED " + verdict.testCase().id() + " (" + verdict.testCase().vector() + "): "
                            + verdict.testCase().attackTool() + " " + verdict.testCase().attackArgs() + " — " + verdict.note());
                }
                if (n % 100 == 0 || n == cases.size()) err.println("redteam: " + n + "/" + cases.size() + " cases run");
                err.flush();
            });
        } finally {
            if (dir != null) FileTrees.delete(dir);
        }
        RedTeam.Totals totals = RedTeam.totals(verdicts);
        if (totals.benignNotCompleted() > 0) {
            err.println("redteam: " + totals.benignNotCompleted() + " benign case(s) did not complete their run");
        }
        out.println(totals.line());
        out.flush();
        return totals.executed() > 0 ? 1 : 0;
    }
}
