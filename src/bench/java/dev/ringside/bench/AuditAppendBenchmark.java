package dev.ringside.bench;

import dev.ringside.app.FileTrees;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable audit appends per second: each invocation appends 1,000 decision links and waits until
 * they are committed (synchronous=FULL), so the score counts only links that reached the disk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class AuditAppendBenchmark {
    private static final int BATCH = 1000;
    private Path dir;
    private Journal journal;
    private long n;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("ringside-bench");
        journal = Journal.open(JournalOptions.at(dir.resolve("journal.db")));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        journal.close();
        FileTrees.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void durableAuditAppend() {
        for (int i = 0; i < BATCH; i++) {
            n++;
            journal.record("bench-run", "crashloop-agent", new TraceEvent.DecisionMade("call-" + n, "rollout_restart",
                    "allow", "allow", "ring 1 action within crashloop-agent's ring 1",
                    "3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7"));
        }
        journal.flush();
    }
}
