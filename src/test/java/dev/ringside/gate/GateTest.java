package dev.ringside.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.journal.TraceEvent;
import dev.ringside.policy.Policy;
import dev.ringside.policy.PolicyLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final String POD = "{\"namespace\":\"shop\",\"name\":\"checkout-7d4\"}";
    private static final String ROLLBACK = "{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":3}";

    private final GateFixture f = new GateFixture();

    GateTest() throws Exception {
    }

    @Test
    void readOnlyCallWithinRingIsAllowed() {
        Decision d = f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        assertThat(d).isInstanceOf(Decision.Allow.class);
        assertThat(d.rule()).isEqualTo("allow");
    }

    @Test
    void everyDecisionIsJournaledWithItsRule() {
        f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        f.decide("crashloop-agent", "delete_deployment", POD);
        assertThat(f.trace.of(TraceEvent.DecisionMade.class)).extracting(TraceEvent.DecisionMade::rule)
                .containsExactly("allow", "never_allow/delete_deployment");
    }

    @Test
    void neverAllowDeniesStructuredCallsWhateverTheRing() {
        Decision d = f.decide("crashloop-agent", "delete_namespace", "{\"name\":\"shop\"}");
        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(d.rule()).isEqualTo("never_allow/delete_namespace");
    }

    @Test
    void neverAllowFindsCommandsSmuggledInAnyArgument() {
        Decision d = f.decide("crashloop-agent", "run_command", "{\"command\":\"KUBECTL  delete deploy/checkout -n shop\"}");
        assertThat(d.rule()).isEqualTo("never_allow/kubectl-delete-deployment");
        Decision inLabel = f.decide("compliance-agent", "add_labels",
                "{\"namespace\":\"shop\",\"kind\":\"Pod\",\"name\":\"web\",\"labels\":{\"x\":\"drop table users\"}}");
        assertThat(inLabel.rule()).isEqualTo("never_allow/sql-drop-table");
    }

    @Test
    void hallucinatedToolAndUnknownAgentAreRefused() {
        assertThat(f.decide("crashloop-agent", "nuke_cluster", "{}").rule()).isEqualTo("unknown_tool");
        assertThat(f.decide("rogue-agent", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("unknown_agent");
    }

    @Test
    void argumentsAreCheckedAgainstTheSchema() {
        Decision d = f.decide("crashloop-agent", "delete_pod", "{\"namespace\":\"shop\"}");
        assertThat(d.rule()).isEqualTo("schema");
        assertThat(d.reason()).contains("args.name: is required");
    }

    @Test
    void ringTwoActionWaitsForAPersonBoundToItsDigest() {
        ProposedCall call = f.call("crashloop-agent", "rollback_deployment", ROLLBACK);
        Decision d = f.gate().decide(call);
        assertThat(d).isInstanceOf(Decision.NeedsApproval.class);
        assertThat(d.rule()).isEqualTo("approval/ring2");
        ApprovalRequest request = ((Decision.NeedsApproval) d).request();
        assertThat(request.digest()).isEqualTo(CallDigest.of(call)).isEqualTo(d.digest()).hasSize(64);
        assertThat(request.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(f.governance.inbox().pending()).containsExactly(request);
    }

    @Test
    void actionAboveWhatTheAgentMayProposeIsDeniedByRing() throws Exception {
        Policy policy = GateFixture.policy("""
                agents:
                  - {id: reader, ring: 0, runbooks: [rb]}
                runbooks: {rb: {mode: live}}
                actions:
                  list_pods: {ring: 0}
                  delete_pod: {ring: 1, destructive: true, schema: {type: object}}
                """);
        GateFixture reader = new GateFixture(policy);
        Decision d = reader.decide("reader", "delete_pod", POD);
        assertThat(d.rule()).isEqualTo("ring");
        assertThat(d.reason()).contains("ring 1 action").contains("reader is ring 0");
    }

    @Test
    void namespaceOutsideTheAgentsScopeIsDenied() throws Exception {
        GateFixture scoped = new GateFixture(GateFixture.policy("""
                agents:
                  - {id: a, ring: 1, namespaces: [shop], runbooks: [rb]}
                runbooks: {rb: {mode: live}}
                actions:
                  list_pods: {ring: 0}
                """));
        assertThat(scoped.decide("a", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("allow");
        assertThat(scoped.decide("a", "list_pods", "{\"namespace\":\"kube-system\"}").rule()).isEqualTo("scope");
    }

    @Test
    void dryRunRunbookRecordsWritesWithoutExecutingButStillReads() throws Exception {
        String yaml = """
                agents:
                  - {id: a, ring: 1, runbooks: [rb]}
                runbooks: {rb: {mode: dry-run}}
                actions:
                  list_pods: {ring: 0}
                  delete_pod: {ring: 1, destructive: true, schema: {type: object}}
                """;
        GateFixture dry = new GateFixture(GateFixture.policy(yaml));
        assertThat(dry.decide("a", "delete_pod", POD)).isInstanceOf(Decision.DryRun.class);
        assertThat(dry.decide("a", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("allow");
        GateFixture later = new GateFixture(GateFixture.policy(yaml.replace("mode: dry-run", "mode: live, live_from: 2027-01-01")));
        Decision notYet = later.decide("a", "delete_pod", POD);
        assertThat(notYet.rule()).isEqualTo("dry_run");
        assertThat(notYet.reason()).contains("goes live on 2027-01-01");
    }

    @Test
    void killSwitchDeniesEveryCallFromTheMomentKillReturns() {
        f.governance.killSwitch().kill("alice", "agent went rogue");
        Decision d = f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        assertThat(d.rule()).isEqualTo("kill");
        assertThat(d.reason()).contains("alice").contains("agent went rogue");
        assertThat(f.decide("crashloop-agent", "delete_namespace", "{\"name\":\"x\"}").rule()).isEqualTo("kill");
    }

    @Test
    void rearmingNeedsAPersonAndAReasonAndIsJournaled() {
        KillSwitch kill = f.governance.killSwitch();
        kill.kill("alice", "test");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kill.rearm("bob", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(kill.isKilled()).isTrue();
        kill.rearm("bob", "incident over");
        assertThat(kill.isKilled()).isFalse();
        assertThat(f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("allow");
        assertThat(f.trace.of(TraceEvent.KillStep.class)).extracting(TraceEvent.KillStep::step, TraceEvent.KillStep::status)
                .contains(org.assertj.core.groups.Tuple.tuple("local-halt", "confirmed"),
                        org.assertj.core.groups.Tuple.tuple("rearm", "confirmed"));
    }

    @Test
    void pressingKillTwiceKeepsTheFirstKill() {
        KillSwitch.Killed first = f.governance.killSwitch().kill("alice", "one");
        KillSwitch.Killed second = f.governance.killSwitch().kill("bob", "two");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void noPolicyMeansEveryCallIsDenied() {
        Governance broken = new Governance(ActivePolicy.broken("policy.yaml:3:7: agents[0].ring: ..."),
                f.trace, (d, r) -> true, f.clock);
        Decision d = broken.gate().decide(f.call("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}"));
        assertThat(d.rule()).isEqualTo("no_policy");
        assertThat(d.reason()).contains("policy.yaml:3:7");
    }

    @Test
    void internalErrorDeniesInsteadOfAllowing() throws Exception {
        Policy good = PolicyLoader.loadDefault();
        Policy corrupt = new Policy(good.source(), good.agents(), good.actions(), null, good.requireHuman(),
                good.approvals(), good.breaker(), good.runbooks());
        Decision d = new GateFixture(corrupt).decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(d.rule()).isEqualTo("gate_error");
    }

    @Test
    void outOfScopeEscalationMakesALowRingWriteWaitForAPerson() {
        ProposedCall call = new ProposedCall("c1", "run-1", "crashloop-agent", null, "delete_pod", GateFixture.json(POD),
                null, null, null, List.of(new ProposedCall.Escalation("out-of-scope", "target is not part of the incident")), null);
        Decision d = f.gate().decide(call);
        assertThat(d.rule()).isEqualTo("approval/out-of-scope");
    }

    @Test
    void aRunMayUseOnlyItsRunbooksToolsUpToItsRingCeiling() {
        var limits = new ProposedCall.RunbookLimits("crashloop-rollback",
                java.util.Set.of("list_pods", "get_pod_logs", "rollback_deployment", "delete_pod"), 1, false);
        ProposedCall addLabels = f.call("crashloop-agent", "add_labels",
                "{\"namespace\":\"shop\",\"kind\":\"Pod\",\"name\":\"web\",\"labels\":{\"a\":\"b\"}}");
        Decision notInRunbook = f.gate().decide(addLabels.withContext(null, List.of(), limits));
        assertThat(notInRunbook.rule()).isEqualTo("scope");
        assertThat(notInRunbook.reason()).contains("does not use add_labels");
        Decision aboveCeiling = f.gate().decide(f.call("crashloop-agent", "rollback_deployment", ROLLBACK).withContext(null, List.of(), limits));
        assertThat(aboveCeiling.rule()).isEqualTo("ring");
        assertThat(aboveCeiling.reason()).contains("stops at ring 1");
        Decision inRunbook = f.gate().decide(f.call("crashloop-agent", "delete_pod", POD).withContext(null, List.of(), limits));
        assertThat(inRunbook.rule()).isEqualTo("allow");
    }

    @Test
    void aDryRunRunbookNeverWritesWhateverThePolicySays() {
        var limits = new ProposedCall.RunbookLimits("oom-remediation", java.util.Set.of("delete_pod", "list_pods"), 2, true);
        Decision d = f.gate().decide(f.call("oom-agent", "delete_pod", POD).withContext(null, List.of(), limits));
        assertThat(d).isInstanceOf(Decision.DryRun.class);
        assertThat(f.gate().decide(f.call("oom-agent", "list_pods", "{\"namespace\":\"shop\"}").withContext(null, List.of(), limits)).rule())
                .isEqualTo("allow");
    }

    @Test
    void checksRunInTheDocumentedOrder() {
        // never_allow is checked before the agent is known, schema before ring, and so on.
        assertThat(f.decide("nobody", "delete_deployment", POD).rule()).isEqualTo("never_allow/delete_deployment");
        assertThat(f.decide("nobody", "nuke", "{}").rule()).isEqualTo("unknown_agent");
        assertThat(f.decide("crashloop-agent", "scale_deployment", "{\"namespace\":\"shop\"}").rule()).isEqualTo("schema");
    }
}
