package dev.ringside.app;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.RunResult;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Works an engine's incidents end to end without the UI: the watches start the runbooks, an
 * {@link AutoApprover} answers approvals, the kill switch is optionally pressed after a delay,
 * and a report is built from the journal.
 */
public final class HeadlessRun {
    private static final Duration FIRST_TRIGGER = Duration.ofSeconds(20);
    private static final Duration ALL_DONE = Duration.ofMinutes(5);

    /** How approvals are answered, whether and when the kill switch is pressed, and by whom. */
    public record Settings(AutoApprover.Policy approve, Duration killAfter, String person) {
    }

    /** How long a finished run waits for Slack to take what is queued; the rest stays in the outbox. */
    private static final Duration SLACK_DRAIN = Duration.ofSeconds(15);

    private HeadlessRun() {
    }

    /** Runs until every started run has finished; the caller still owns (and closes) the engine. */
    public static RunReport run(Engine engine, Settings settings) throws InterruptedException {
        AutoApprover.attach(engine.governance().inbox(), settings.approve(), settings.person());
        if (settings.killAfter() != null) {
            Thread.ofVirtual().name("kill-after").start(() -> {
                try {
                    Thread.sleep(settings.killAfter());
                    engine.governance().killSwitch().kill(settings.person(), "--kill-after " + settings.killAfter().toSeconds() + "s");
                } catch (InterruptedException finishedFirst) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        engine.startWatching();
        AgentRuntime runtime = engine.runtime();
        long deadline = System.nanoTime() + FIRST_TRIGGER.toNanos();
        while (runtime.started().isEmpty() && System.nanoTime() < deadline && !engine.governance().killSwitch().isKilled()) {
            Thread.sleep(20);
        }
        runtime.awaitIdle(ALL_DONE);
        engine.awaitClusterKill(Duration.ofSeconds(30));
        List<RunResult> results = new ArrayList<>();
        for (AgentRuntime.RunHandle handle : runtime.started()) {
            try {
                results.add(handle.result().get());
            } catch (ExecutionException e) {
                results.add(new RunResult(handle.runId(), "failed", String.valueOf(e.getCause())));
            }
        }
        engine.journal().checkpoint();
        engine.journal().flush();
        if (engine.slack().isPresent()) {
            long drainBy = System.nanoTime() + SLACK_DRAIN.toNanos();
            while (!engine.journal().pending(1).isEmpty() && System.nanoTime() < drainBy) Thread.sleep(50);
        }
        List<JournalEntry> entries = readAll(engine);
        JournalOptions journal = engine.journal().options();
        return RunReport.of(results, entries, AuditVerifier.verify(journal.db(), journal.checkpointDir()));
    }

    private static List<JournalEntry> readAll(Engine engine) {
        List<JournalEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<JournalEntry> page = engine.journal().readAfter(after, 10_000);
            if (page.isEmpty()) return all;
            all.addAll(page);
            after = page.getLast().id();
        }
    }
}
