package dev.ringside.gate;

import dev.ringside.journal.TraceEvent.DecisionMade;
import dev.ringside.policy.ActionSpec;
import dev.ringside.policy.AgentPolicy;
import dev.ringside.policy.HumanRule;
import dev.ringside.policy.Policy;
import dev.ringside.policy.RunbookMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The only path from a proposed call to an effect. Checks, in this order, and the first that
 * decides wins: kill switch, never_allow, unknown agent, unknown tool, argument schema, ring,
 * scope, circuit breaker, dry-run, approval; otherwise allow. Every decision is journaled. Any
 * internal failure denies (rule {@code gate_error}); no policy denies (rule {@code no_policy}).
 */
public final class Gate {
    private final ActivePolicy policy;
    private final KillSwitch killSwitch;
    private final BreakerBoard breakers;
    private final ApprovalInbox inbox;
    private final TraceSink trace;
    private final Clock clock;

    public Gate(ActivePolicy policy, KillSwitch killSwitch, BreakerBoard breakers, ApprovalInbox inbox, TraceSink trace,
                Clock clock) {
        this.policy = policy;
        this.killSwitch = killSwitch;
        this.breakers = breakers;
        this.inbox = inbox;
        this.trace = trace;
        this.clock = clock;
    }

    public Decision decide(ProposedCall call) {
        Decision decision;
        try {
            decision = evaluate(call, CallDigest.of(call));
        } catch (RuntimeException e) {
            decision = new Decision.Deny(call.callId(), "gate_error",
                    "denied because the gate failed internally (" + e + "); report this", "");
        }
        trace.record(call.runId(), call.agent(), new DecisionMade(call.callId(), call.tool(), decision.kind(),
                decision.rule(), decision.reason(), decision.digest()));
        return decision;
    }

    /** A failed call or tool error, for the agent's circuit breaker. */
    public void reportOutcome(ProposedCall call, boolean ok) {
        breakers.of(call.agent()).recordOutcome(call.callId(), ok, clock.instant());
    }

    /**
     * A person's edit of a pending request: the edited call must itself pass the hard checks
     * before it can be approved.
     */
    public ApprovalStatus editThenApprove(String requestId, String approver, com.fasterxml.jackson.databind.JsonNode newArgs,
                                          String comment) {
        return inbox.editThenApprove(requestId, approver, newArgs, comment, edited -> switch (policy.state()) {
            case ActivePolicy.Broken b -> Optional.of("no valid policy: " + b.reason());
            case ActivePolicy.Loaded l -> hardChecks(edited, l.policy()).map(v -> v.rule() + ": " + v.reason());
        });
    }

    /**
     * Takes the single execution an approval grants, right before the tool runs, with the digest
     * of what is about to run (recomputed by the caller with the target's current resourceVersion).
     */
    public void claimApproved(ApprovalGrant grant, String digestAboutToRun) {
        inbox.claim(grant, digestAboutToRun);
        if (policy.state() instanceof ActivePolicy.Loaded l
                && l.policy().action(grant.call().tool()).map(ActionSpec::destructive).orElse(true)) {
            breakers.of(grant.call().agent()).recordDestructive(clock.instant());
        }
    }

    private Decision evaluate(ProposedCall call, String digest) {
        if (killSwitch.state() instanceof KillSwitch.Killed k) {
            return deny(call, digest, "kill", "kill switch engaged by " + k.by() + " at " + k.at() + ": " + k.reason());
        }
        Policy p;
        switch (policy.state()) {
            case ActivePolicy.Loaded l -> p = l.policy();
            case ActivePolicy.Broken b -> {
                return deny(call, digest, "no_policy", "no valid policy is loaded, so every call is denied: " + b.reason());
            }
        }
        Optional<Verdict> hard = hardChecks(call, p);
        if (hard.isPresent()) return deny(call, digest, hard.get().rule(), hard.get().reason());

        AgentPolicy agent = p.agent(call.agent()).orElseThrow();
        ActionSpec action = p.action(call.tool()).orElseThrow();
        CircuitBreaker breaker = breakers.of(agent.id());
        synchronized (breaker) {
            Instant now = clock.instant();
            if (breaker.check(action.destructive(), now) instanceof CircuitBreaker.Admission.Reject r) {
                return deny(call, digest, "breaker", r.reason());
            }
            Optional<Verdict> held = dryRunOrApproval(call, p, agent, action, now);
            if (held.isPresent()) return held.map(v -> hold(call, digest, v, action, p)).get();
            boolean probe = breaker.admitted(call.callId(), action.destructive(), now);
            return new Decision.Allow(call.callId(), "allow", "ring " + action.ring() + " action within "
                    + agent.id() + "'s ring " + agent.ring() + (probe ? " (circuit breaker probe)" : ""), digest, probe);
        }
    }

    /** Checks that no person can override: they also apply to a call a person edited. */
    private Optional<Verdict> hardChecks(ProposedCall call, Policy p) {
        if (killSwitch.isKilled()) return Optional.of(Verdict.deny("kill", "kill switch engaged"));
        Optional<String> forbidden = p.neverAllow().firstMatch(call.tool(), call.args());
        if (forbidden.isPresent()) {
            return Optional.of(Verdict.deny("never_allow/" + forbidden.get(),
                    "never allowed: the call matches never_allow rule '" + forbidden.get() + "'"));
        }
        Optional<AgentPolicy> agent = p.agent(call.agent());
        if (agent.isEmpty()) {
            return Optional.of(Verdict.deny("unknown_agent", "agent '" + call.agent() + "' is not in the policy"));
        }
        Optional<ActionSpec> action = p.action(call.tool());
        if (action.isEmpty()) {
            return Optional.of(Verdict.deny("unknown_tool", "tool '" + call.tool() + "' is not in the action catalogue"));
        }
        Optional<String> violation = action.get().schema().violation(call.args());
        if (violation.isPresent()) return Optional.of(Verdict.deny("schema", violation.get()));
        AgentPolicy a = agent.get();
        ActionSpec act = action.get();
        if (act.ring() > a.proposesUpTo()) {
            return Optional.of(Verdict.deny("ring", call.tool() + " is a ring " + act.ring() + " action; " + a.id()
                    + " is ring " + a.ring() + " and may propose up to ring " + a.proposesUpTo()));
        }
        ProposedCall.RunbookLimits limits = call.limits();
        if (limits != null && !limits.tools().contains(call.tool())) {
            return Optional.of(Verdict.deny("scope", "runbook '" + limits.runbook() + "' does not use " + call.tool()
                    + "; its tools are " + limits.tools().stream().sorted().toList()));
        }
        if (limits != null && act.ring() > limits.ringCeiling()) {
            return Optional.of(Verdict.deny("ring", call.tool() + " is a ring " + act.ring() + " action; runbook '"
                    + limits.runbook() + "' stops at ring " + limits.ringCeiling()));
        }
        if (call.runbook() != null && !a.runbooks().contains(call.runbook())) {
            return Optional.of(Verdict.deny("scope", a.id() + " may not run runbook '" + call.runbook() + "'"));
        }
        String namespace = call.namespace();
        if (namespace != null && !a.mayActIn(namespace)) {
            return Optional.of(Verdict.deny("scope", a.id() + " may not act in namespace '" + namespace + "'"));
        }
        return Optional.empty();
    }

    private Optional<Verdict> dryRunOrApproval(ProposedCall call, Policy p, AgentPolicy agent, ActionSpec action,
                                               Instant now) {
        if (action.isWrite() && call.limits() != null && call.limits().dryRun()) {
            return Optional.of(new Verdict(Verdict.Kind.DRY_RUN, "dry_run", "runbook '" + call.limits().runbook()
                    + "' is written as dry-run; recorded, not executed"));
        }
        if (action.isWrite()) {
            String runbook = call.runbook() != null ? call.runbook() : agent.runbooks().stream().findFirst().orElse(null);
            Optional<RunbookMode> mode = runbook == null ? Optional.empty() : p.runbook(runbook);
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            if (mode.isEmpty() || !mode.get().isLiveOn(today)) {
                String why = mode.isEmpty() ? "no runbook mode is declared for " + agent.id()
                        : mode.get().mode() == RunbookMode.Mode.DRY_RUN ? "runbook '" + runbook + "' is in dry-run mode"
                        : "runbook '" + runbook + "' goes live on " + mode.get().liveFrom();
                return Optional.of(new Verdict(Verdict.Kind.DRY_RUN, "dry_run", why + "; recorded, not executed"));
            }
        }
        for (HumanRule rule : p.requireHuman()) {
            if (rule.matches(action, call.args())) {
                return Optional.of(Verdict.approval(rule.name(), "policy rule '" + rule.name() + "' requires a person"));
            }
        }
        if (action.ring() >= 2) {
            return Optional.of(Verdict.approval("ring2", "ring 2 actions always need a person"));
        }
        if (action.ring() > agent.ring()) {
            return Optional.of(Verdict.approval("above-agent-ring", agent.id() + " is ring " + agent.ring()
                    + "; a ring " + action.ring() + " action needs a person"));
        }
        if (action.isWrite() && !call.escalations().isEmpty()) {
            ProposedCall.Escalation first = call.escalations().getFirst();
            return Optional.of(Verdict.approval(first.name(), first.why()));
        }
        return Optional.empty();
    }

    private Decision hold(ProposedCall call, String digest, Verdict verdict, ActionSpec action, Policy p) {
        if (verdict.kind() == Verdict.Kind.DRY_RUN) {
            return new Decision.DryRun(call.callId(), verdict.rule(), verdict.reason(), digest);
        }
        ApprovalRequest request = inbox.open(call, digest, action.ring(), verdict.rule(), verdict.reason(),
                p.approvals().approversNeeded(action.tool()), p.approvals().ttl());
        return new Decision.NeedsApproval(call.callId(), verdict.rule(), verdict.reason(), digest, request);
    }

    private static Decision deny(ProposedCall call, String digest, String rule, String reason) {
        return new Decision.Deny(call.callId(), rule, reason, digest);
    }
}
