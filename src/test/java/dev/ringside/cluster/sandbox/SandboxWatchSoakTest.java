package dev.ringside.cluster.sandbox;

import static dev.ringside.cluster.sandbox.SandboxNames.AGENTS;
import static dev.ringside.cluster.sandbox.SandboxNames.CHECKOUT_PODS;
import static dev.ringside.cluster.sandbox.SandboxNames.CRASHLOOP_AGENT;
import static dev.ringside.cluster.sandbox.SandboxNames.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A soak, not part of the default run (about 75 s): the request pattern that once stalled the
 * sandbox API server for 30 s at a time, repeated on five fresh servers. fabric8's {@code getLog()}
 * opens and closes a watch on the pod before every read; a close racing a watch event blocked the
 * server's event loop (see {@link GuardedWatchListener}). Without that guard, each of three runs
 * stalled, after between about 60 and 1,300 rounds; a stall fails here as a request timeout, and
 * Vert.x's complaints (a blocked event loop, an exception in a handler) fail it too.
 *
 * <p>Run with {@code mvn test -Dtest=SandboxWatchSoakTest -Dsoak.excluded=none}.
 */
@Tag("soak")
class SandboxWatchSoakTest {
    @Test
    void fiveThousandLogReadsBetweenResetsNeverStallTheServer() {
        // Vert.x reports a blocked event loop and an exception thrown in a handler (the request is
        // then never answered) only in its log; both count as failures here.
        List<String> complaints = new CopyOnWriteArrayList<>();
        Logger vertx = Logger.getLogger("io.vertx");
        Handler listen = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    complaints.add(record.getMessage() + (record.getThrown() == null ? "" : ": " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        vertx.addHandler(listen);
        try {
            soak();
        } finally {
            vertx.removeHandler(listen);
        }
        assertThat(complaints).isEmpty();
    }

    private static void soak() {
        for (int server = 0; server < 5; server++) {
            try (SandboxCluster sandbox = SandboxCluster.start()) {
                KubernetesClient admin = sandbox.adminClient();
                var pod = admin.pods().inNamespace(SHOP).withName(CHECKOUT_PODS.getFirst());
                for (int round = 0; round < 1_000; round++) {
                    sandbox.snapshot();
                    sandbox.plant("pod-name", "soak-" + round);
                    sandbox.reset();
                    assertThat(pod.tailingLines(50).getLog()).isNotEmpty();
                    sandbox.reset();
                    assertThat(admin.serviceAccounts().inNamespace(AGENTS).withName(CRASHLOOP_AGENT).get()).isNotNull();
                }
            }
        }
    }
}
