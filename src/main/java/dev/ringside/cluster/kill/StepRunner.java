package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.KillStepReport.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one step: attempts it (each attempt acts on what is still left, then reads the cluster back),
 * bounds each attempt by the step timeout, retries with doubling backoff, times it, and reports
 * requested → (requested again per retry, naming the error) → confirmed or failed.
 */
final class StepRunner {
    /** One attempt: act, read back, and say what was confirmed; throws when it could not confirm. */
    @FunctionalInterface
    interface Attempt {
        String run() throws Exception;
    }

    private final String killId;
    private final KillSettings settings;
    private final Consumer<KillStepReport> progress;

    StepRunner(String killId, KillSettings settings, Consumer<KillStepReport> progress) {
        this.killId = killId;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the step to its end and returns the final report (confirmed or failed); never throws for the step's errors. */
    KillStepReport run(String step, String description, Attempt attempt) {
        long start = System.nanoTime();
        String error = null;
        for (int n = 1; n <= settings.attempts(); n++) {
            if (n > 1) {
                if (!pause(settings.backoffBefore(n))) {
                    return report(step, Status.FAILED, "interrupted before attempt " + n + "; last error: " + error, start, n - 1);
                }
            }
            report(step, Status.REQUESTED, n == 1 ? description : "retrying after: " + error, start, n);
            try {
                return report(step, Status.CONFIRMED, bounded(attempt), start, n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report(step, Status.FAILED, "interrupted during attempt " + n, start, n);
            } catch (Exception e) {
                error = Failures.describe(e);
            }
        }
        return report(step, Status.FAILED, error, start, settings.attempts());
    }

    private String bounded(Attempt attempt) throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread worker = Thread.ofVirtual().name("kill-step").start(() -> {
            try {
                result.set(attempt.run());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (!worker.join(settings.stepTimeout())) {
            worker.interrupt();
            // Give the attempt time to stop (its calls are interrupted) before the next one starts.
            worker.join(settings.stepTimeout());
            throw new StepNotConfirmed("the attempt did not finish within " + settings.stepTimeout().toMillis() + " ms");
        }
        if (failure.get() != null) throw failure.get();
        return result.get();
    }

    private KillStepReport report(String step, Status status, String detail, long start, int attempt) {
        KillStepReport report = new KillStepReport(killId, step, status, detail, Duration.ofNanos(System.nanoTime() - start), attempt);
        try {
            progress.accept(report);
        } catch (RuntimeException e) {
            // A broken listener (a closed journal, a failed UI update) must not stop taking the agents' power away.
        }
        return report;
    }

    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
