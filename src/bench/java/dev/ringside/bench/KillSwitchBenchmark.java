package dev.ringside.bench;

import dev.ringside.cluster.kill.ClusterKill;
import dev.ringside.cluster.kill.CredentialHook;
import dev.ringside.cluster.kill.KillSettings;
import dev.ringside.cluster.kill.KillStepReport;
import dev.ringside.cluster.kill.Revocation;
import dev.ringside.cluster.sandbox.SandboxCluster;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.Governance;
import dev.ringside.gate.KillSwitch;
import dev.ringside.policy.PolicyLoader;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * The kill switch end to end: the local halt ({@link KillSwitch#kill}, re-armed between
 * invocations), and every cluster step confirmed for 50 agent workloads (Deployments with their
 * ServiceAccounts, RoleBindings and pods, on the sandbox API server; restored between invocations).
 * SampleTime mode reports p50/p99.
 */
@BenchmarkMode(Mode.SampleTime)
@Fork(1)
public class KillSwitchBenchmark {
    static final int AGENT_WORKLOADS = 50;

    @State(Scope.Benchmark)
    public static class LocalHalt {
        KillSwitch killSwitch;

        @Setup(Level.Trial)
        public void start() throws Exception {
            Governance governance = new Governance(ActivePolicy.of(PolicyLoader.loadDefault()), (r, a, e) -> { }, (d, r) -> true,
                    Clock.systemUTC());
            killSwitch = governance.killSwitch();
        }

        @Setup(Level.Invocation)
        public void rearm() {
            if (killSwitch.isKilled()) killSwitch.rearm("bench", "next measurement");
        }
    }

    @State(Scope.Benchmark)
    public static class Cluster {
        SandboxCluster sandbox;
        ClusterKill clusterKill;
        Revocation last;
        int kills;

        @Setup(Level.Trial)
        public void start() {
            sandbox = SandboxCluster.start();
            seed(sandbox.adminClient());
            clusterKill = new ClusterKill(sandbox.adminClient(), KillSettings.defaults(), CredentialHook.none());
        }

        @Setup(Level.Invocation)
        public void restore() {
            if (last != null) {
                List<KillStepReport> failed = new ArrayList<>();
                clusterKill.restore(last, r -> {
                    if (r.status() == KillStepReport.Status.FAILED) failed.add(r);
                });
                if (!failed.isEmpty()) throw new IllegalStateException("restore between measurements failed: " + failed);
                recreatePods(sandbox.adminClient());
                last = null;
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            clusterKill.close();
            sandbox.close();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public KillSwitch.Killed localHalt(LocalHalt s) {
        return s.killSwitch.kill("bench", "measuring");
    }

    /** All four steps confirmed (read back) for 50 agent workloads. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 10)
    @Measurement(iterations = 6, time = 10)
    public Revocation clusterStepsConfirmedFor50Workloads(Cluster s) {
        List<KillStepReport> notConfirmed = new ArrayList<>();
        Revocation revocation = s.clusterKill.revoke("bench-" + s.kills++, r -> {
            if (r.status() == KillStepReport.Status.FAILED) notConfirmed.add(r);
        });
        if (!notConfirmed.isEmpty()) throw new IllegalStateException("a step failed: " + notConfirmed);
        if (revocation.workloads().size() != AGENT_WORKLOADS + 4) {
            throw new IllegalStateException("expected " + (AGENT_WORKLOADS + 4) + " workloads, revoked " + revocation.workloads().size());
        }
        s.last = revocation;
        return revocation;
    }

    /** 50 more agents in the agents' namespace, each with its ServiceAccount, a RoleBinding in shop and one pod. */
    static void seed(KubernetesClient admin) {
        for (int i = 0; i < AGENT_WORKLOADS; i++) {
            String name = agent(i);
            admin.resource(new ServiceAccountBuilder().withNewMetadata().withNamespace(SandboxNames.AGENTS).withName(name)
                    .addToLabels(SandboxNames.AGENT_SELECTOR_KEY, "true").endMetadata().build()).create();
            admin.resource(new RoleBindingBuilder().withNewMetadata().withNamespace(SandboxNames.SHOP).withName(name).endMetadata()
                    .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(SandboxNames.AGENTS).endSubject()
                    .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("ringside-agent").endRoleRef()
                    .build()).create();
            admin.resource(new DeploymentBuilder().withNewMetadata().withNamespace(SandboxNames.AGENTS).withName(name)
                    .addToLabels(SandboxNames.AGENT_SELECTOR_KEY, "true").endMetadata()
                    .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                    .withServiceAccountName(name).addNewContainer().withName("agent").withImage("registry.ringside.dev/agent-runtime:0.1.0")
                    .endContainer().endSpec().endTemplate().endSpec().build()).create();
        }
        recreatePods(admin);
    }

    /** The sandbox runs no controllers, so the pods a kill deleted are put back by hand. */
    static void recreatePods(KubernetesClient admin) {
        for (int i = 0; i < AGENT_WORKLOADS; i++) {
            String name = agent(i);
            if (admin.pods().inNamespace(SandboxNames.AGENTS).withName(name + "-0").get() != null) continue;
            admin.resource(new PodBuilder().withNewMetadata().withNamespace(SandboxNames.AGENTS).withName(name + "-0")
                    .addToLabels("app", name).endMetadata().withNewSpec().withServiceAccountName(name).addNewContainer()
                    .withName("agent").withImage("registry.ringside.dev/agent-runtime:0.1.0").endContainer().endSpec().build())
                    .create();
        }
    }

    private static String agent(int i) {
        return "bench-agent-%02d".formatted(i);
    }
}
