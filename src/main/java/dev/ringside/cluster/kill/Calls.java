package dev.ringside.cluster.kill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a step's API calls at once, one virtual thread each, and lets every call finish even when
 * some fail, so one stubborn object does not keep the others from being revoked.
 */
final class Calls {
    /** One API call, named for the error text ("delete ClusterRoleBinding ringside-agents-nodes"). */
    record Call(String what, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private Calls() {
    }

    /**
     * @throws StepNotConfirmed naming how many calls failed and each failure
     * @throws InterruptedException when the attempt is stopped (its calls are interrupted too)
     */
    static void all(List<Call> calls) throws StepNotConfirmed, InterruptedException {
        java.util.Optional<StepNotConfirmed> failed = tryAll(calls);
        if (failed.isPresent()) throw failed.get();
    }

    /**
     * Like {@link #all}, but hands the failure back instead of throwing it, so the step can read the
     * cluster back (and learn what did take effect) before it reports the failure.
     */
    static java.util.Optional<StepNotConfirmed> tryAll(List<Call> calls) throws InterruptedException {
        if (calls.isEmpty()) return java.util.Optional.empty();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Call call : calls) {
                threads.submit(() -> {
                    try {
                        call.action().run();
                    } catch (Exception e) {
                        failures.add(call.what() + ": " + Failures.describe(e));
                    }
                });
            }
        }
        if (Thread.interrupted()) throw new InterruptedException("step attempt stopped");
        if (failures.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(new StepNotConfirmed(failures.size() + " of " + calls.size() + " calls failed: "
                + String.join("; ", failures)));
    }
}
