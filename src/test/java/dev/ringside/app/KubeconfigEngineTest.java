package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.app.config.ConfigLoader;
import dev.ringside.app.config.RingsideConfig;
import dev.ringside.gate.KillSwitch;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import dev.ringside.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a "real" cluster: a kubeconfig with two contexts, each pointing at its own mock API
 * server over TLS, and a configuration choosing the second. Everything Ringside does must reach
 * that server, the watches with the engineer's credentials and the agents with their own tokens.
 */
class KubeconfigEngineTest {
    private static final String AGENTS = "ringside-agents";
    private static final List<String> AGENT_IDS = List.of("crashloop-agent", "oom-agent", "compliance-agent");
    private static final String ENGINEER_TOKEN = "engineer-token-of-second";

    @TempDir
    Path dir;

    private MockApiServer target;
    private MockApiServer decoy;
    private Path kubeconfig;

    @BeforeEach
    void twoClusters() throws Exception {
        target = MockApiServer.start();
        decoy = MockApiServer.start();
        kubeconfig = writeKubeconfig(decoy.url(), target.url());
        seed(target.client());
        AGENT_IDS.forEach(agent -> target.issuesTokens(AGENTS, agent, "agent-token-of-" + agent));
    }

    @AfterEach
    void stop() {
        target.close();
        decoy.close();
    }

    /** "first" (the current context) is the decoy; "second" is the cluster the configuration names. */
    private Path writeKubeconfig(String firstServer, String secondServer) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: first
                clusters:
                - name: decoy
                  cluster: {server: "%s", certificate-authority: "%s"}
                - name: target
                  cluster: {server: "%s", certificate-authority: "%s"}
                contexts:
                - name: first
                  context: {cluster: decoy, user: first-user}
                - name: second
                  context: {cluster: target, user: second-user}
                users:
                - name: first-user
                  user: {token: engineer-token-of-first}
                - name: second-user
                  user: {token: %s}
                """.formatted(firstServer, decoy.certificateAuthority(), secondServer, target.certificateAuthority(), ENGINEER_TOKEN));
    }

    private static void seed(KubernetesClient cluster) {
        for (String ns : List.of("shop", "batch", AGENTS)) {
            cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        cluster.resource(crashLooping("shop", "web", "web-5d8f7c-abcde")).create();
        cluster.resource(crashLooping("batch", "report", "report-6c7d8e-fghij")).create();
        cluster.resource(new DeploymentBuilder().withNewMetadata().withNamespace("shop").withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("web:2").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        for (String agent : AGENT_IDS) {
            cluster.resource(new ServiceAccountBuilder().withNewMetadata().withNamespace(AGENTS).withName(agent)
                    .addToLabels("ringside.dev/agent", "true").endMetadata().build()).create();
        }
        cluster.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("shop").withName("crashloop-agent-edit").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("edit").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withNamespace(AGENTS).withName("crashloop-agent").endSubject().build()).create();
        cluster.resource(new DeploymentBuilder().withNewMetadata().withNamespace(AGENTS).withName("agent-runner")
                .addToLabels("ringside.dev/agent", "true").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "agent-runner").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "agent-runner").endMetadata()
                .withNewSpec().withServiceAccountName("crashloop-agent").addNewContainer().withName("runner").withImage("runner:1")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
    }

    private static Pod crashLooping(String namespace, String app, String name) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName(app).withImage(app + ":2").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder().withName(app)
                        .withRestartCount(7).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                        .build()).endStatus().build();
    }

    private RingsideConfig config(String cluster) throws Exception {
        return ConfigLoader.parse(dir.resolve("ringside.yaml"), """
                cluster:
                  sandbox: false
                %s
                journal: {path: %s}
                """.formatted(cluster, dir.resolve("journal.db")), dir, dir.resolve("data"));
    }

    private Engine start(RingsideConfig config) {
        return ConfiguredEngine.start(config, null, Map.of("KUBECONFIG", kubeconfig.toString()), dir);
    }

    private static List<RecordedRequest> withToken(List<RecordedRequest> requests, String token) {
        return requests.stream().filter(r -> ("Bearer " + token).equals(r.getHeader("Authorization"))).toList();
    }

    @Test
    void theConfiguredContextIsWatchedAndAnAgentsReadsReachItWithItsOwnToken() throws Exception {
        try (Engine engine = start(config("  context: second\n  namespaces: [shop]"))) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            assertThat(engine.world().contextName()).isEqualTo("second");
            assertThat(engine.world().namespacesLabel()).isEqualTo("shop");
            engine.startWatching();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.runtime().started().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(engine.runtime().awaitIdle(Duration.ofSeconds(60))).isTrue();

            assertThat(engine.runtime().started()).as("only the watched namespace raises incidents")
                    .extracting(h -> h.incident().namespace() + "/" + h.incident().objectName()).containsExactly("shop/web");
            List<RecordedRequest> requests = target.requests();
            assertThat(withToken(requests, "agent-token-of-crashloop-agent")).as("the agent's gated reads, as itself")
                    .anySatisfy(r -> assertThat(r.getPath()).startsWith("/api/v1/namespaces/shop/pods"));
            assertThat(withToken(requests, ENGINEER_TOKEN)).as("the watches, as the engineer")
                    .anySatisfy(r -> assertThat(r.getPath()).startsWith("/api/v1/namespaces/shop/pods"))
                    .noneSatisfy(r -> assertThat(r.getPath()).contains("/namespaces/batch/"));
            assertThat(requests).filteredOn(r -> r.getPath().endsWith("/serviceaccounts/crashloop-agent/token"))
                    .as("the agent's token came from TokenRequest, asked for by the engineer")
                    .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + ENGINEER_TOKEN)).isNotEmpty();
            assertThat(decoy.requests()).as("the current context's cluster is never touched").isEmpty();

            engine.journal().flush();
            String runId = engine.runtime().started().getFirst().runId();
            assertThat(engine.journal().readRun(runId)).map(JournalEntry::event).filteredOn(TraceEvent.ToolResult.class::isInstance)
                    .map(TraceEvent.ToolResult.class::cast)
                    .anySatisfy(result -> {
                        assertThat(result.tool()).isEqualTo("list_pods");
                        assertThat(result.ok()).isTrue();
                        assertThat(result.outputJson()).contains("web-5d8f7c-abcde");
                    });
        }
    }

    @Test
    void theKillSwitchTakesTheAgentsPowerInTheConfiguredClusterAndReArmingGivesItBack() throws Exception {
        try (Engine engine = start(config("  context: second"))) {
            KubernetesClient cluster = target.client();
            engine.governance().killSwitch().kill("alice", "drill on the real cluster");
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
            engine.journal().flush();
            assertThat(engine.journal().readRun(KillSwitch.RUN_ID)).map(JournalEntry::event)
                    .filteredOn(TraceEvent.KillStep.class::isInstance).map(TraceEvent.KillStep.class::cast)
                    .filteredOn(step -> step.status().equals("confirmed")).extracting(TraceEvent.KillStep::step)
                    .contains("revoke-bindings", "invalidate-credentials", "scale-to-zero", "deny-network");
            assertThat(cluster.rbac().roleBindings().inNamespace("shop").withName("crashloop-agent-edit").get()).isNull();
            assertThat(cluster.serviceAccounts().inNamespace(AGENTS).list().getItems()).isEmpty();
            assertThat(cluster.apps().deployments().inNamespace(AGENTS).withName("agent-runner").get().getSpec().getReplicas()).isZero();
            assertThat(cluster.network().networkPolicies().inNamespace(AGENTS).list().getItems()).isNotEmpty();
            assertThat(decoy.requests()).isEmpty();

            engine.rearm("bob", "drill over");
            assertThat(cluster.serviceAccounts().inNamespace(AGENTS).list().getItems()).hasSize(AGENT_IDS.size());
            assertThat(cluster.rbac().roleBindings().inNamespace("shop").withName("crashloop-agent-edit").get()).isNotNull();
            assertThat(cluster.apps().deployments().inNamespace(AGENTS).withName("agent-runner").get().getSpec().getReplicas())
                    .isEqualTo(2);
            assertThat(engine.world().adapterFor("crashloop-agent")).as("armed again, with a fresh token").isNotNull();
        }
    }

    @Test
    void aContextTheKubeconfigDoesNotNameIsRefusedWithTheContextsThatExist() {
        assertThatThrownBy(() -> start(config("  context: prod-eu-1"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("cluster.context").hasMessageContaining("'prod-eu-1'")
                .hasMessageContaining("[first, second]").hasMessageNotContaining("\n");
        assertThat(dir.resolve("journal.db")).as("nothing was started").doesNotExist();
    }

    @Test
    void anUnreachableApiServerIsRefusedAtStart() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        kubeconfig = writeKubeconfig(decoy.url(), "https://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> start(config("  context: second"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("kubeconfig context 'second' (cluster.context)")
                .hasMessageContaining("cannot reach the API server https://127.0.0.1:" + closedPort).hasMessageNotContaining("\n");
    }

    @Test
    void anAgentWithoutItsServiceAccountIsRefusedNamingTheAgentNamespace() {
        target.client().serviceAccounts().inNamespace(AGENTS).withName("oom-agent").delete();
        assertThatThrownBy(() -> start(config("  context: second"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("agent 'oom-agent' has no ServiceAccount ringside-agents/oom-agent")
                .hasMessageContaining("cluster.agent_namespace");
    }

    @Test
    void anAgentServiceAccountTheKillSwitchWouldNotFindIsRefused() {
        target.client().serviceAccounts().inNamespace(AGENTS).withName("compliance-agent")
                .edit(sa -> new ServiceAccountBuilder(sa).editMetadata().withLabels(Map.of()).endMetadata().build());
        assertThatThrownBy(() -> start(config("  context: second"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("ringside-agents/compliance-agent does not match the agent selector 'ringside.dev/agent=true'")
                .hasMessageContaining("cluster.agent_selector")
                .hasMessageContaining("kubectl label serviceaccount -n ringside-agents compliance-agent ringside.dev/agent=true");
    }

    @Test
    void theShippedAgentManifestIsWhatARealClusterNeedsToArmEveryAgent() throws Exception {
        KubernetesClient cluster = target.client();
        cluster.serviceAccounts().inNamespace(AGENTS).delete();
        try (var manifest = Files.newInputStream(Path.of("app/examples/real-cluster-agents.yaml"))) {
            for (var object : cluster.load(manifest).items()) {
                if (cluster.resource(object).get() == null) cluster.resource(object).create();
            }
        }
        try (Engine engine = start(config("  context: second"))) {
            AGENT_IDS.forEach(agent -> assertThat(engine.world().adapterFor(agent)).isNotNull());
            engine.governance().killSwitch().kill("alice", "the example's bindings must be found");
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
            assertThat(cluster.rbac().roleBindings().inNamespace("shop").list().getItems()).extracting(b -> b.getMetadata().getName())
                    .doesNotContain("ringside-agents-read", "ringside-agents-write");
        }
    }

    @Test
    void theAgentNamespaceIsConfigurable() throws Exception {
        KubernetesClient cluster = target.client();
        cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("sre-bots").endMetadata().build()).create();
        for (String agent : AGENT_IDS) {
            cluster.resource(new ServiceAccountBuilder().withNewMetadata().withNamespace("sre-bots").withName(agent)
                    .addToLabels("ringside.dev/agent", "true").endMetadata().build()).create();
            target.issuesTokens("sre-bots", agent, "bot-token-of-" + agent);
        }
        try (Engine engine = start(config("  context: second\n  agent_namespace: sre-bots"))) {
            assertThat(engine.world().ignoredNamespaces()).containsExactly("sre-bots");
            assertThat(target.requests()).filteredOn(r -> r.getPath().endsWith("/token")).extracting(RecordedRequest::getPath)
                    .containsExactlyInAnyOrderElementsOf(AGENT_IDS.stream()
                            .map(a -> "/api/v1/namespaces/sre-bots/serviceaccounts/" + a + "/token").toList());
        }
    }
}
