package dev.ringside.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.app.FileTrees;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.Decision;
import dev.ringside.gate.Governance;
import dev.ringside.gate.ProposedCall;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full gate decision — 100 never_allow rules scanned, schema, ring, breaker, dry-run and
 * approval checks, digest, and the DecisionMade audit link appended to a real journal — per op.
 * SampleTime mode reports p50/p99/p99.9.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class GateDecisionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Journal journal;
    private Governance governance;
    private ProposedCall restart;
    private ProposedCall attack;
    private ProposedCall benignCommand;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("ringside-bench");
        journal = Journal.open(JournalOptions.at(dir.resolve("journal.db")));
        governance = new Governance(ActivePolicy.of(BenchPolicies.withNeverAllowRules(100)), journal::record,
                journal::claimExecution, Clock.systemUTC());
        restart = ProposedCall.of("c1", "bench", "crashloop-agent", null, "rollout_restart",
                JSON.readTree("{\"namespace\":\"shop\",\"name\":\"checkout\"}"));
        attack = ProposedCall.of("c2", "bench", "crashloop-agent", null, "run_command",
                JSON.readTree("{\"command\":\"sh -c 'kubectl  delete  deployment.apps/checkout -n shop'\"}"));
        benignCommand = ProposedCall.of("c3", "bench", "crashloop-agent", null, "list_pods",
                JSON.readTree("{\"namespace\":\"shop\",\"selector\":\"app in (checkout, cart), tier != frontend\"}"));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        journal.close();
        FileTrees.delete(dir);
    }

    @Benchmark
    public Decision allowedRing1Write() {
        return governance.gate().decide(restart);
    }

    @Benchmark
    public Decision neverAllowDeniesSmuggledCommand() {
        return governance.gate().decide(attack);
    }

    @Benchmark
    public Decision allowedReadWithMultiWordArgument() {
        return governance.gate().decide(benignCommand);
    }
}
