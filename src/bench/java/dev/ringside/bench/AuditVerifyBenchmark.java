package dev.ringside.bench;

import dev.ringside.app.FileTrees;
import dev.ringside.journal.AuditReport;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Chain verification rate: links verified per second (full file read, hashes and checkpoints). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class AuditVerifyBenchmark {
    @Param("1000000")
    public int links;

    private Path dir;
    private Path db;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("ringside-bench");
        db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            for (int i = 0; i < links; i++) {
                journal.record("bench-run-" + (i / 10_000), "crashloop-agent", new TraceEvent.DecisionMade("call-" + i,
                        "rollout_restart", "allow", "allow", "ring 1 action within crashloop-agent's ring 1",
                        "3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7"));
            }
        }
        AuditReport report = AuditVerifier.verify(db, JournalOptions.defaultCheckpointDir(db));
        if (!report.ok() || report.entries() != links) throw new IllegalStateException("bad fixture: " + report);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        FileTrees.delete(dir);
    }

    /** Score × links = links per second. */
    @Benchmark
    public AuditReport verifyWholeChain() {
        return AuditVerifier.verify(db, JournalOptions.defaultCheckpointDir(db));
    }
}
