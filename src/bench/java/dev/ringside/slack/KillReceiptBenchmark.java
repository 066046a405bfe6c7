package dev.ringside.slack;

import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.app.Engine;
import dev.ringside.app.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * Kill switch to a Slack receipt that lists every cluster step as confirmed, posted to a local
 * Slack-compatible server, on the sandbox engine (4 agents). Re-armed between measurements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class KillReceiptBenchmark {
    private Path dir;
    private FakeSlack slack;
    private Engine engine;
    private int kills;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("ringside-bench");
        slack = new FakeSlack();
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of(SlackSettings.BOT_TOKEN, "xoxb-bench",
                        SlackSettings.CHANNEL, "C0OPS", SlackSettings.API_URL, slack.apiUrl().toString())).orElseThrow()
                .withRetry(new SlackSettings.Retry(Duration.ofMillis(20), Duration.ofMillis(200)));
        engine = Engine.sandbox(dir.resolve("journal.db"), null, Models.fromEnvironment(ModelSettings.OFFLINE));
        engine.connectSlack(Optional.of(settings));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        engine.close();
        slack.close();
        FileTrees.delete(dir);
    }

    @Setup(Level.Invocation)
    public void armed() throws Exception {
        if (engine.governance().killSwitch().isKilled()) engine.rearm("bench", "next measurement");
    }

    @Benchmark
    public void killToReceiptInSlack() throws Exception {
        String killId = engine.governance().killSwitch().kill("bench", "bench kill " + (++kills)).killId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            // deny-network is the last cluster step: once the receipt shows it confirmed, every step is in
            boolean posted = slack.accepted().stream().map(c -> c.text() + c.blocks())
                    .anyMatch(t -> t.contains(killId) && t.contains("*deny-network* confirmed"));
            if (posted) return;
            Thread.sleep(1);
        }
        throw new IllegalStateException("no complete receipt in Slack within 30 s");
    }
}
