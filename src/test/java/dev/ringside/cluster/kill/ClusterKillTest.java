package dev.ringside.cluster.kill;

import static dev.ringside.cluster.sandbox.SandboxNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.cluster.kill.KillStepReport.Status;
import dev.ringside.cluster.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster side of the kill switch against the sandbox API server, read back through the admin client. */
class ClusterKillTest {
    private static final Set<AgentAccount> AGENT_ACCOUNTS = Set.of(new AgentAccount(AGENTS, CRASHLOOP_AGENT),
            new AgentAccount(AGENTS, OOM_AGENT), new AgentAccount(AGENTS, COMPLIANCE_AGENT),
            new AgentAccount(THIRD_PARTY_NAMESPACE, THIRD_PARTY_AGENT));
    private static final String CLUSTER_ROLE_BINDINGS = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings";

    private static SandboxCluster sandbox;
    private static KubernetesClient admin;
    private final List<KillStepReport> reports = new CopyOnWriteArrayList<>();
    private final List<ClusterKill> kills = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxCluster.start();
        admin = sandbox.adminClient();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        kills.forEach(ClusterKill::close);
        sandbox.reset();
    }

    private ClusterKill clusterKill(KillSettings settings, CredentialHook hook) {
        ClusterKill kill = new ClusterKill(admin, settings, hook);
        kills.add(kill);
        return kill;
    }

    private ClusterKill clusterKill() {
        return clusterKill(KillSettings.defaults(), CredentialHook.none());
    }

    @Test
    void everyStepIsConfirmedAndTheClusterReadsBackWithoutAgentPower() {
        Revocation revocation = clusterKill().revoke("k1", reports::add);

        assertThat(finalReports()).extracting(KillStepReport::step, KillStepReport::status).containsExactly(
                confirmed(ClusterKill.BINDINGS), confirmed(ClusterKill.CREDENTIALS), confirmed(ClusterKill.WORKLOADS), confirmed(ClusterKill.NETWORK));
        assertNoAgentPower();
        assertThat(revocation.bindings()).extracting(Revocation.SavedObject::spoken).containsExactlyInAnyOrder(
                "ClusterRoleBinding " + AGENT_CLUSTER_ROLE_BINDING,
                "RoleBinding shop/" + CRASHLOOP_AGENT, "RoleBinding shop/" + OOM_AGENT, "RoleBinding shop/" + COMPLIANCE_AGENT,
                "RoleBinding payments/" + CRASHLOOP_AGENT, "RoleBinding payments/" + OOM_AGENT,
                "RoleBinding payments/" + COMPLIANCE_AGENT, "RoleBinding shop/" + THIRD_PARTY_BINDING);
        assertThat(revocation.serviceAccounts()).extracting(s -> new AgentAccount(s.namespace(), s.name()))
                .containsExactlyInAnyOrderElementsOf(AGENT_ACCOUNTS);
        assertThat(revocation.workloads()).extracting(Revocation.ScaledWorkload::spoken, Revocation.ScaledWorkload::replicas)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Deployment ringside-agents/crashloop-agent", 1),
                        org.assertj.core.groups.Tuple.tuple("Deployment ringside-agents/oom-agent", 1),
                        org.assertj.core.groups.Tuple.tuple("Deployment ringside-agents/compliance-agent", 1),
                        org.assertj.core.groups.Tuple.tuple("StatefulSet observability/triage-bot", 1));
        assertThat(revocation.deletedPods()).hasSize(4);
    }

    @Test
    void eachStepIsRequestedThenConfirmedWithItsDurationBeforeTheNextStarts() {
        clusterKill().revoke("k1", reports::add);

        assertThat(reports).extracting(KillStepReport::step, KillStepReport::status, KillStepReport::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClusterKill.BINDINGS, Status.REQUESTED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.BINDINGS, Status.CONFIRMED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.CREDENTIALS, Status.REQUESTED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.CREDENTIALS, Status.CONFIRMED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.WORKLOADS, Status.REQUESTED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.WORKLOADS, Status.CONFIRMED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.NETWORK, Status.REQUESTED, 1),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.NETWORK, Status.CONFIRMED, 1));
        assertThat(reports).allSatisfy(r -> assertThat(r.killId()).isEqualTo("k1"));
        for (int i = 0; i < reports.size(); i += 2) {
            assertThat(reports.get(i + 1).took()).isPositive().isGreaterThanOrEqualTo(reports.get(i).took());
            assertThat(reports.get(i + 1).detail()).contains("read back");
        }
    }

    @Test
    void aStepTheApiServerKeepsRefusingIsReportedFailedWithItsRetriesWhileTheOthersAreConfirmed() {
        sandbox.faults().failNext("DELETE", CLUSTER_ROLE_BINDINGS, 3, 500);

        Revocation revocation = clusterKill().revoke("k1", reports::add);

        List<KillStepReport> bindings = reports.stream().filter(r -> r.step().equals(ClusterKill.BINDINGS)).toList();
        assertThat(bindings).extracting(KillStepReport::status, KillStepReport::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.REQUESTED, 1), org.assertj.core.groups.Tuple.tuple(Status.REQUESTED, 2),
                org.assertj.core.groups.Tuple.tuple(Status.REQUESTED, 3), org.assertj.core.groups.Tuple.tuple(Status.FAILED, 3));
        assertThat(bindings.get(1).detail()).startsWith("retrying after:").contains("HTTP 500");
        assertThat(bindings.getLast().detail()).contains("delete ClusterRoleBinding " + AGENT_CLUSTER_ROLE_BINDING)
                .contains("HTTP 500").contains("fault injected");
        assertThat(sandbox.faults().used()).isEqualTo(3);
        assertThat(finalReports()).extracting(KillStepReport::step, KillStepReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClusterKill.BINDINGS, Status.FAILED),
                confirmed(ClusterKill.CREDENTIALS), confirmed(ClusterKill.WORKLOADS), confirmed(ClusterKill.NETWORK));
        assertThat(admin.rbac().clusterRoleBindings().withName(AGENT_CLUSTER_ROLE_BINDING).get()).as("the refused delete").isNotNull();
        assertThat(revocation.bindings()).as("only what was really deleted is claimed").hasSize(7)
                .noneMatch(b -> b.kind().equals("ClusterRoleBinding"));
        assertThat(admin.serviceAccounts().inNamespace(AGENTS).list().getItems()).isEmpty();
    }

    @Test
    void aStepThatFailsOnceIsRetriedAndConfirmedOnItsSecondAttempt() {
        sandbox.faults().failNext("PATCH", "/apis/apps/v1/namespaces/" + AGENTS + "/deployments", 1, 503);

        Revocation revocation = clusterKill().revoke("k1", reports::add);

        List<KillStepReport> workloads = reports.stream().filter(r -> r.step().equals(ClusterKill.WORKLOADS)).toList();
        assertThat(workloads).extracting(KillStepReport::status, KillStepReport::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.REQUESTED, 1), org.assertj.core.groups.Tuple.tuple(Status.REQUESTED, 2),
                org.assertj.core.groups.Tuple.tuple(Status.CONFIRMED, 2));
        assertThat(workloads.get(1).detail()).contains("HTTP 503");
        assertThat(revocation.workloads()).as("replicas remembered from before the first attempt").hasSize(4)
                .allSatisfy(w -> assertThat(w.replicas()).isEqualTo(1));
        assertNoAgentPower();
    }

    @Test
    void podsTheApiServerWouldNotDeleteAreNotClaimedAsDeleted() {
        sandbox.faults().failNext("DELETE", "/api/v1/namespaces/" + THIRD_PARTY_NAMESPACE + "/pods", 3, 500);

        Revocation revocation = clusterKill().revoke("k1", reports::add);

        assertThat(finalReports()).extracting(KillStepReport::step, KillStepReport::status).containsExactly(
                confirmed(ClusterKill.BINDINGS), confirmed(ClusterKill.CREDENTIALS),
                org.assertj.core.groups.Tuple.tuple(ClusterKill.WORKLOADS, Status.FAILED), confirmed(ClusterKill.NETWORK));
        assertThat(finalReports().get(2).detail()).contains("delete Pod observability/triage-bot-0").contains("HTTP 500");
        assertThat(revocation.workloads()).as("every scale-down took effect").hasSize(4);
        assertThat(revocation.deletedPods()).extracting(Revocation.DeletedPod::namespace).containsOnly(AGENTS).hasSize(3);
        assertThat(admin.pods().inNamespace(THIRD_PARTY_NAMESPACE).list().getItems()).hasSize(1);
        assertThat(admin.network().v1().networkPolicies().inNamespace(THIRD_PARTY_NAMESPACE).list().getItems())
                .as("the pod left running is fenced off").isNotEmpty();
    }

    @Test
    void aSlowApiServerStillGetsEveryStepConfirmed() {
        Duration slow = Duration.ofMillis(400);
        sandbox.faults().delayNext("PATCH", "/apis/apps/v1/namespaces/" + AGENTS + "/deployments", slow);

        clusterKill().revoke("k1", reports::add);

        assertThat(finalReports()).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.CONFIRMED));
        KillStepReport workloads = finalReports().get(2);
        assertThat(workloads.attempt()).isEqualTo(1);
        assertThat(workloads.took()).as("the report says how long the step really took").isGreaterThanOrEqualTo(slow);
        assertNoAgentPower();
    }

    @Test
    void anAttemptSlowerThanTheStepTimeoutIsCutOffAndRetriedWithoutLosingTheCopies() {
        sandbox.faults().delayNext("DELETE", "/api/v1/namespaces/" + AGENTS + "/serviceaccounts", Duration.ofSeconds(6));

        Revocation revocation = clusterKill(KillSettings.defaults().withStepTimeout(Duration.ofSeconds(2)), CredentialHook.none())
                .revoke("k1", reports::add);

        List<KillStepReport> credentials = reports.stream().filter(r -> r.step().equals(ClusterKill.CREDENTIALS)).toList();
        assertThat(credentials.getLast().status()).isEqualTo(Status.CONFIRMED);
        assertThat(credentials.getLast().attempt()).isGreaterThan(1);
        assertThat(credentials.get(1).detail()).startsWith("retrying after:");
        assertThat(revocation.serviceAccounts()).as("the slow delete took effect, and its copy was kept")
                .extracting(s -> new AgentAccount(s.namespace(), s.name())).containsExactlyInAnyOrderElementsOf(AGENT_ACCOUNTS);
        assertNoAgentPower();
    }

    @Test
    void twoKillsAtOnceLeaveOneCopyOfWhatWasTakenAndNoFalseFailure() throws Exception {
        ClusterKill clusterKill = clusterKill();
        CountDownLatch go = new CountDownLatch(1);
        List<Revocation> revocations;
        try (ExecutorService engineers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Revocation>> pressed = new ArrayList<>();
            for (String killId : List.of("alice", "bob")) {
                pressed.add(engineers.submit(() -> {
                    go.await();
                    return clusterKill.revoke(killId, reports::add);
                }));
            }
            go.countDown();
            revocations = new ArrayList<>();
            for (Future<Revocation> f : pressed) revocations.add(f.get());
        }

        assertThat(finalReports()).hasSize(8).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.CONFIRMED));
        assertThat(revocations).filteredOn(Revocation::isEmpty).hasSize(1);
        Revocation taken = revocations.stream().filter(r -> !r.isEmpty()).findFirst().orElseThrow();
        Revocation nothing = revocations.stream().filter(Revocation::isEmpty).findFirst().orElseThrow();
        assertThat(taken.bindings()).hasSize(8);
        assertThat(taken.serviceAccounts()).hasSize(4);
        assertThat(taken.workloads()).hasSize(4);
        assertThat(taken.denyPolicies()).hasSize(6);
        assertThat(finalReports()).filteredOn(r -> r.killId().equals(nothing.killId()))
                .allSatisfy(r -> assertThat(r.detail()).startsWith("nothing to revoke"));
        assertNoAgentPower();
    }

    @Test
    void restoreGivesBackBindingsServiceAccountsAndReplicasAndLiftsTheFence() {
        String before = withoutPods(sandbox.snapshot());
        ClusterKill clusterKill = clusterKill();
        Revocation revocation = clusterKill.revoke("k1", reports::add);
        assertThat(withoutPods(sandbox.snapshot())).isNotEqualTo(before);
        reports.clear();

        // As the app does it: the revocation comes back out of the journal as JSON.
        clusterKill.restore(Revocation.fromJson(revocation.toJson()), reports::add);

        assertThat(finalReports()).extracting(KillStepReport::step, KillStepReport::status).containsExactly(
                confirmed(ClusterKill.RESTORE_ACCOUNTS), confirmed(ClusterKill.RESTORE_BINDINGS),
                confirmed(ClusterKill.LIFT_FENCE), confirmed(ClusterKill.RESTORE_REPLICAS));
        assertThat(reports).filteredOn(r -> r.status() == Status.CONFIRMED).allSatisfy(r -> assertThat(r.detail()).contains("read back"));
        assertThat(withoutPods(sandbox.snapshot())).as("bindings, ServiceAccounts and replicas as before the kill").isEqualTo(before);
        assertThat(admin.network().v1().networkPolicies().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(admin.rbac().clusterRoleBindings().withName(AGENT_CLUSTER_ROLE_BINDING).get().getSubjects()).hasSize(3);
    }

    @Test
    void restoringTwiceFindsEverythingAlreadyBackAndStillConfirms() {
        ClusterKill clusterKill = clusterKill();
        Revocation revocation = clusterKill.revoke("k1", r -> { });
        clusterKill.restore(revocation, r -> { });
        String restored = sandbox.snapshot();

        clusterKill.restore(revocation, reports::add);

        assertThat(finalReports()).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.CONFIRMED));
        assertThat(sandbox.snapshot()).isEqualTo(restored);
    }

    @Test
    void planListsWhatRestoreWillDoInItsOrder() {
        ClusterKill clusterKill = clusterKill();
        Revocation revocation = clusterKill.revoke("k1", reports::add);

        RestorePlan plan = clusterKill.plan(revocation);

        assertThat(plan.actions()).contains(
                "ServiceAccount ringside-agents/crashloop-agent → recreate",
                "ServiceAccount observability/triage-bot → recreate",
                "RoleBinding shop/crashloop-agent → recreate",
                "ClusterRoleBinding ringside-agents-nodes → recreate",
                "NetworkPolicy ringside-agents/ringside-kill-agents → delete",
                "Deployment ringside-agents/crashloop-agent → 1 replica",
                "StatefulSet observability/triage-bot → 1 replica").hasSize(4 + 8 + 6 + 4);
        assertThat(plan.actions().indexOf("ServiceAccount ringside-agents/oom-agent → recreate"))
                .isLessThan(plan.actions().indexOf("RoleBinding payments/oom-agent → recreate"));
        assertThat(plan.actions().indexOf("NetworkPolicy ringside-agents/ringside-kill-agents → delete"))
                .isLessThan(plan.actions().indexOf("Deployment ringside-agents/oom-agent → 1 replica"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("tokens issued before the kill stay invalid"));
        assertThat(clusterKill.plan(clusterKill.revoke("k2", r -> { })).toString()).isEqualTo("nothing to restore");
    }

    @Test
    void revocationRoundTripsThroughJson() {
        Revocation revocation = clusterKill().revoke("k1", reports::add);

        String json = revocation.toJson();

        assertThat(Revocation.fromJson(json)).isEqualTo(revocation);
        assertThat(json).contains("\"killId\":\"k1\"").contains(AGENT_CLUSTER_ROLE_BINDING);
        assertThat(revocation.bindings().getFirst().json()).contains("\"subjects\"").contains("\"roleRef\"");
        assertThatThrownBy(() -> Revocation.fromJson("{\"killId\": [1]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a kill revocation");
    }

    @Test
    void aConfiguredSelectorFindsAThirdPartyAgentAndOnlyIt() {
        Revocation revocation = clusterKill(KillSettings.defaults().withAgentSelector(THIRD_PARTY_SELECTOR), CredentialHook.none())
                .revoke("k1", reports::add);

        assertThat(finalReports()).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.CONFIRMED));
        assertThat(revocation.workloads()).extracting(Revocation.ScaledWorkload::spoken)
                .containsExactly("StatefulSet observability/triage-bot");
        assertThat(revocation.serviceAccounts()).as("found through the pod template; the account carries no label")
                .extracting(Revocation.SavedObject::spoken).containsExactly("ServiceAccount observability/triage-bot");
        assertThat(revocation.bindings()).extracting(Revocation.SavedObject::spoken).containsExactly("RoleBinding shop/triage-bot-view");
        assertThat(admin.pods().inNamespace(THIRD_PARTY_NAMESPACE).list().getItems()).isEmpty();
        assertThat(admin.apps().deployments().inNamespace(AGENTS).list().getItems())
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(admin.serviceAccounts().inNamespace(AGENTS).list().getItems()).hasSize(3);
    }

    @Test
    void theCredentialHookIsToldTheAgentAccountsWhileTheyStillExist() {
        List<Set<AgentAccount>> told = new CopyOnWriteArrayList<>();
        List<Boolean> existed = new CopyOnWriteArrayList<>();
        clusterKill(KillSettings.defaults(), accounts -> {
            told.add(accounts);
            existed.add(accounts.stream().allMatch(a -> admin.serviceAccounts().inNamespace(a.namespace()).withName(a.name()).get() != null));
        }).revoke("k1", reports::add);

        assertThat(told).containsExactly(AGENT_ACCOUNTS);
        assertThat(existed).containsExactly(true);
    }

    @Test
    void aFailingCredentialHookFailsItsStepButTheServiceAccountsAreStillDeleted() {
        Revocation revocation = clusterKill(KillSettings.defaults(), accounts -> {
            throw new IllegalStateException("token store locked");
        }).revoke("k1", reports::add);

        KillStepReport credentials = finalReports().get(1);
        assertThat(credentials.status()).isEqualTo(Status.FAILED);
        assertThat(credentials.attempt()).isEqualTo(3);
        assertThat(credentials.detail()).contains("could not stop renewing agent tokens").contains("token store locked");
        assertThat(revocation.serviceAccounts()).hasSize(4);
        assertNoAgentPower();
    }

    @Test
    void aSelectorThatIsNotOneIsRefusedWithThePartThatIsWrong() {
        assertThatThrownBy(() -> KillSettings.defaults().withAgentSelector("ringside.dev/agent=true,(oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'(oops'");
        assertThatThrownBy(() -> KillSettings.defaults().withAgentSelector(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    private static String withoutPods(String snapshot) {
        return snapshot.lines().filter(l -> !l.startsWith("Pod ")).collect(Collectors.joining("\n"));
    }

    private static org.assertj.core.groups.Tuple confirmed(String step) {
        return org.assertj.core.groups.Tuple.tuple(step, Status.CONFIRMED);
    }

    private List<KillStepReport> finalReports() {
        return reports.stream().filter(KillStepReport::ended).toList();
    }

    private void assertNoAgentPower() {
        List<Subject> subjects = Stream.concat(
                admin.rbac().roleBindings().inAnyNamespace().list().getItems().stream().flatMap(b -> b.getSubjects().stream()
                        .map(s -> s.getNamespace() == null ? new io.fabric8.kubernetes.api.model.rbac.SubjectBuilder(s)
                                .withNamespace(b.getMetadata().getNamespace()).build() : s)),
                admin.rbac().clusterRoleBindings().list().getItems().stream().flatMap(b -> b.getSubjects().stream())).toList();
        assertThat(subjects).noneMatch(s -> "ServiceAccount".equals(s.getKind())
                && AGENT_ACCOUNTS.contains(new AgentAccount(s.getNamespace(), s.getName())));
        assertThat(admin.serviceAccounts().inAnyNamespace().list().getItems())
                .noneMatch(sa -> AGENT_ACCOUNTS.contains(new AgentAccount(sa.getMetadata().getNamespace(), sa.getMetadata().getName())));
        assertThat(admin.apps().deployments().inNamespace(AGENTS).list().getItems()).hasSize(3)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isZero());
        assertThat(admin.apps().statefulSets().inNamespace(THIRD_PARTY_NAMESPACE).withName(THIRD_PARTY_AGENT).get().getSpec()
                .getReplicas()).isZero();
        assertThat(admin.pods().inNamespace(AGENTS).list().getItems()).isEmpty();
        assertThat(admin.pods().inNamespace(THIRD_PARTY_NAMESPACE).list().getItems()).isEmpty();
        for (String ns : List.of(AGENTS, THIRD_PARTY_NAMESPACE)) {
            List<NetworkPolicy> policies = admin.network().v1().networkPolicies().inNamespace(ns).list().getItems();
            assertThat(policies).isNotEmpty().allSatisfy(p -> {
                assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(p.getSpec().getIngress()).isEmpty();
                assertThat(p.getSpec().getEgress()).isEmpty();
            });
        }
        // Nothing but the agents was touched.
        assertThat(admin.apps().deployments().inNamespace(SHOP).withName(CHECKOUT).get().getSpec().getReplicas()).isEqualTo(3);
        assertThat(admin.pods().inNamespace(SHOP).list().getItems()).hasSizeGreaterThan(8);
        assertThat(admin.network().v1().networkPolicies().inNamespace(SHOP).list().getItems()).isEmpty();
    }
}
