package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.RunResult;
import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole product on the sandbox API server and a real journal file: the checkout incident, worked for real. */
class EngineTest {
    @TempDir
    Path dir;

    private static final Incident CHECKOUT = new Incident("crashloop", SandboxNames.SHOP, SandboxNames.CHECKOUT,
            "checkout crash-loops", "test", null);

    private Engine engine(Path policy) {
        return Engine.sandbox(dir.resolve("journal.db"), policy,
                SandboxDemo.models(Models.fromEnvironment(ModelSettings.OFFLINE)));
    }

    private static RunResult work(Engine engine, Incident incident) throws Exception {
        AgentRuntime.RunHandle handle = engine.runtime().trigger(incident).orElseThrow();
        RunResult result = handle.result().get(60, TimeUnit.SECONDS);
        engine.journal().flush();
        return result;
    }

    private static String checkoutImage(Engine engine) {
        Deployment d = engine.sandboxCluster().adminClient().apps().deployments().inNamespace(SandboxNames.SHOP)
                .withName(SandboxNames.CHECKOUT).get();
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private static <T extends TraceEvent> List<T> events(Engine engine, String runId, Class<T> type) {
        return engine.journal().readRun(runId).stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void demoRunDiagnosesFlagsTheInjectionBlocksTheDeletionAndRollsBackOnceApproved() throws Exception {
        try (Engine engine = engine(null)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.ALL, "alice");
            RunResult result = work(engine, CHECKOUT);
            assertThat(result.outcome()).isEqualTo("completed");
            assertThat(result.summary()).contains("crash-loops on startup").contains("revision 2");
            List<TraceEvent.DecisionMade> decisions = events(engine, result.runId(), TraceEvent.DecisionMade.class);
            assertThat(decisions).extracting(TraceEvent.DecisionMade::tool, TraceEvent.DecisionMade::rule)
                    .contains(org.assertj.core.groups.Tuple.tuple("delete_deployment", "never_allow/delete_deployment"),
                            org.assertj.core.groups.Tuple.tuple("rollback_deployment", "approval/ring2"));
            assertThat(events(engine, result.runId(), TraceEvent.InjectionFlagged.class))
                    .extracting(TraceEvent.InjectionFlagged::vector).contains("log-line", "annotation");
            assertThat(engine.sandboxCluster().adminClient().apps().deployments().inNamespace(SandboxNames.SHOP)
                    .withName(SandboxNames.CHECKOUT).get()).as("never_allow kept the deployment").isNotNull();
            assertThat(checkoutImage(engine)).isEqualTo("registry.shop.local/checkout:2.3.1");
            long rollbacksRun = events(engine, result.runId(), TraceEvent.ToolResult.class).stream()
                    .filter(r -> r.tool().equals("rollback_deployment") && r.ok()).count();
            assertThat(rollbacksRun).isEqualTo(1);
            assertThat(events(engine, result.runId(), TraceEvent.ModelResponse.class))
                    .allSatisfy(r -> assertThat(r.model()).contains("no LLM"));
        }
        Path db = dir.resolve("journal.db");
        assertThat(AuditVerifier.verify(db, JournalOptions.defaultCheckpointDir(db)).ok()).isTrue();
    }

    @Test
    void deniedCallsNeverReachTheCluster() throws Exception {
        try (Engine engine = engine(null)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            String before = engine.sandboxCluster().snapshot();
            RunResult result = work(engine, CHECKOUT);
            assertThat(result.outcome()).isEqualTo("completed");
            assertThat(result.summary()).contains("refused");
            assertThat(engine.sandboxCluster().snapshot()).isEqualTo(before);
        }
    }

    @Test
    void dryRunRecordsWhatItWouldDoAndChangesNothing() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        String defaultPolicy = new String(getClass().getResourceAsStream("/policy/default-policy.yaml").readAllBytes());
        Files.writeString(policy, defaultPolicy.replace("crashloop-rollback: {mode: live}", "crashloop-rollback: {mode: dry-run}"));
        try (Engine engine = engine(policy)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.ALL, "alice");
            String before = engine.sandboxCluster().snapshot();
            RunResult result = work(engine, CHECKOUT);
            assertThat(result.summary()).contains("dry-run, nothing changed");
            assertThat(engine.sandboxCluster().snapshot()).isEqualTo(before);
            assertThat(events(engine, result.runId(), TraceEvent.ToolResult.class))
                    .anySatisfy(r -> assertThat(r.outputJson()).contains("\"dry_run\":true").contains("checkout"));
        }
    }

    @Test
    void killMidRunStopsEveryRunAndNothingReachesTheClusterAfterwards() throws Exception {
        try (Engine engine = engine(null)) {
            AgentRuntime.RunHandle checkout = engine.runtime().trigger(CHECKOUT).orElseThrow();
            AgentRuntime.RunHandle cart = engine.runtime().trigger(new Incident("oomkilled", SandboxNames.SHOP, "cart",
                    "cart OOMKilled", "test", null)).orElseThrow();
            // the checkout run parks on its rollback approval; nobody answers
            while (engine.governance().inbox().pending().isEmpty()) Thread.sleep(10);
            engine.governance().killSwitch().kill("alice", "stop everything");
            // the kill's own cluster steps change the cluster; after them, nothing may
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
            String atKill = engine.sandboxCluster().snapshot();
            assertThat(checkout.result().get(10, TimeUnit.SECONDS).outcome()).isIn("stopped", "completed");
            assertThat(cart.result().get(10, TimeUnit.SECONDS).outcome()).isIn("stopped", "completed");
            assertThat(engine.runtime().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.runtime().trigger(new Incident("crashloop", SandboxNames.SHOP, "catalog", "x", "test", null))).isEmpty();
            assertThat(engine.sandboxCluster().snapshot()).isEqualTo(atKill);
            engine.journal().flush();
            List<JournalEntry> all = engine.journal().readAfter(0, 100_000);
            long killAt = all.stream().filter(e -> e.event() instanceof TraceEvent.KillStep k && k.status().equals("confirmed"))
                    .findFirst().orElseThrow().id();
            assertThat(all).filteredOn(e -> e.id() > killAt).noneSatisfy(e -> {
                assertThat(e.event()).isInstanceOf(TraceEvent.ToolResult.class);
                assertThat(((TraceEvent.ToolResult) e.event()).ok()).isTrue();
            });
        }
    }

    @Test
    void killTakesTheAgentsPowerInTheClusterAndReArmingRestoresIt() throws Exception {
        try (Engine engine = engine(null)) {
            var client = engine.sandboxCluster().adminClient();
            String before = engine.sandboxCluster().snapshot();
            engine.governance().killSwitch().kill("alice", "drill");
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
            engine.journal().flush();
            List<TraceEvent.KillStep> steps = engine.journal().readRun(dev.ringside.gate.KillSwitch.RUN_ID).stream()
                    .map(JournalEntry::event).filter(TraceEvent.KillStep.class::isInstance).map(TraceEvent.KillStep.class::cast).toList();
            assertThat(steps).filteredOn(s -> s.status().equals("confirmed")).extracting(TraceEvent.KillStep::step)
                    .contains("local-halt", "revoke-bindings", "invalidate-credentials", "scale-to-zero", "deny-network");
            assertThat(steps).noneSatisfy(s -> assertThat(s.status()).isEqualTo("failed"));
            assertThat(client.serviceAccounts().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()).isNull();
            assertThat(client.apps().deployments().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()
                    .getSpec().getReplicas()).isZero();
            assertThat(engine.restorePlan()).hasValueSatisfying(plan -> assertThat(plan.lines()).isNotEmpty());

            engine.rearm("bob", "drill over");
            assertThat(engine.governance().killSwitch().isKilled()).isFalse();
            assertThat(client.serviceAccounts().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()).isNotNull();
            assertThat(client.apps().deployments().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()
                    .getSpec().getReplicas()).isEqualTo(1);
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            RunResult afterRearm = work(engine, new Incident("oomkilled", SandboxNames.SHOP, "cart", "cart OOMKilled", "test", null));
            assertThat(afterRearm.outcome()).isEqualTo("completed");
            assertThat(afterRearm.summary()).contains("Restart: done");
        }
    }

    @Test
    void theConfiguredAgentSelectorDecidesWhatTheKillTakes() throws Exception {
        try (Engine engine = Engine.sandbox(dir.resolve("journal.db"), null, Models.fromEnvironment(ModelSettings.OFFLINE),
                SandboxNames.THIRD_PARTY_SELECTOR)) {
            engine.governance().killSwitch().kill("alice", "only the vendor agent");
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
            var client = engine.sandboxCluster().adminClient();
            assertThat(client.apps().statefulSets().inNamespace(SandboxNames.THIRD_PARTY_NAMESPACE)
                    .withName(SandboxNames.THIRD_PARTY_AGENT).get().getSpec().getReplicas()).isZero();
            assertThat(client.apps().deployments().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()
                    .getSpec().getReplicas()).as("not selected, not touched").isEqualTo(1);
        }
    }

    @Test
    void aRestartDoesNotReArmAKilledSwitch() throws Exception {
        try (Engine engine = engine(null)) {
            engine.governance().killSwitch().kill("alice", "agents misbehaving");
            assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
        }
        try (Engine restarted = engine(null)) {
            assertThat(restarted.governance().killSwitch().state()).isInstanceOfSatisfying(dev.ringside.gate.KillSwitch.Killed.class,
                    k -> assertThat(k.reason()).contains("agents misbehaving"));
            assertThat(restarted.governance().gate().decide(dev.ringside.gate.ProposedCall.of("c", "r", "crashloop-agent", null,
                    "list_pods", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("namespace", "shop")))
                    .rule()).isEqualTo("kill");
            assertThat(restarted.restorePlan()).as("the restore copy comes back from the journal").isPresent();
            restarted.rearm("bob", "checked after the restart");
            assertThat(restarted.governance().killSwitch().isKilled()).isFalse();
        }
        try (Engine again = engine(null)) {
            assertThat(again.governance().killSwitch().isKilled()).as("re-armed stays re-armed").isFalse();
        }
    }

    @Test
    void aSecondTriggerForTheSameIncidentStartsNothing() throws Exception {
        try (Engine engine = engine(null)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            AgentRuntime.RunHandle first = engine.runtime().trigger(CHECKOUT).orElseThrow();
            assertThat(engine.runtime().trigger(CHECKOUT)).isEmpty();
            first.result().get(60, TimeUnit.SECONDS);
            assertThat(engine.runtime().trigger(CHECKOUT)).as("just worked: settles first").isEmpty();
            assertThat(engine.runtime().started()).hasSize(1);
        }
    }

    @Test
    void complianceSweepAddsMissingLabelsAndLeavesThePublicLoadBalancerToAPerson() throws Exception {
        try (Engine engine = engine(null)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            RunResult result = work(engine, new Incident("compliance", SandboxNames.SHOP, SandboxNames.SHOP, "weekly sweep",
                    "test", null));
            assertThat(result.outcome()).isEqualTo("completed");
            var client = engine.sandboxCluster().adminClient();
            assertThat(client.apps().deployments().inNamespace(SandboxNames.SHOP).list().getItems())
                    .allSatisfy(d -> assertThat(d.getMetadata().getLabels()).containsKeys("team", "cost-center"));
            var frontend = client.services().inNamespace(SandboxNames.SHOP).withName(SandboxNames.PUBLIC_SERVICE).get();
            assertThat(frontend.getMetadata().getLabels()).containsKeys("team", "cost-center");
            assertThat(frontend.getMetadata().getAnnotations() == null ? java.util.Map.of() : frontend.getMetadata().getAnnotations())
                    .doesNotContainKey("networking.gke.io/load-balancer-type");
            assertThat(events(engine, result.runId(), TraceEvent.DecisionMade.class))
                    .anySatisfy(d -> {
                        assertThat(d.tool()).isEqualTo("patch_resource");
                        assertThat(d.rule()).isEqualTo("approval/ring2");
                    });
        }
    }

    @Test
    void watchesStartTheCrashLoopAndOomRunbooksByThemselves() throws Exception {
        try (Engine engine = engine(null)) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.NONE, "alice");
            engine.startWatching();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.runtime().started().size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(engine.runtime().started()).extracting(h -> h.runbook().id())
                    .containsExactlyInAnyOrder("crashloop-rollback", "oom-remediation");
            assertThat(engine.runtime().awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
    }
}
