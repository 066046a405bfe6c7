package dev.ringside.gate;

import dev.ringside.policy.BreakerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The gate with everything it needs, wired once: the kill switch voids pending approvals, agents
 * named in the policy can never approve, breaker limits follow the policy. The cockpit, the CLI and
 * the agent runtime all drive this same object.
 */
public final class Governance {
    private static final BreakerSettings FALLBACK_BREAKER = new BreakerSettings(Duration.ofMinutes(10), 5, 3,
            Duration.ofMinutes(5), 1);

    private final ActivePolicy policy;
    private final KillSwitch killSwitch;
    private final BreakerBoard breakers;
    private final ApprovalInbox inbox;
    private final Gate gate;

    public Governance(ActivePolicy policy, TraceSink trace, ExecutionLedger ledger, Clock clock) {
        this.policy = policy;
        this.killSwitch = new KillSwitch(clock, trace);
        this.breakers = new BreakerBoard(breakerSettings(), trace);
        this.inbox = new ApprovalInbox(clock, trace, ledger, killSwitch::isKilled, this::agentIds);
        this.gate = new Gate(policy, killSwitch, breakers, inbox, trace, clock);
        killSwitch.addListener(kill -> inbox.voidAll("kill switch engaged by " + kill.by() + ": " + kill.reason()));
    }

    public Gate gate() {
        return gate;
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    public ApprovalInbox inbox() {
        return inbox;
    }

    public BreakerBoard breakers() {
        return breakers;
    }

    public ActivePolicy policy() {
        return policy;
    }

    /** Loads a new policy file (null: the built-in default); a bad file leaves the gate denying everything. */
    public void reloadPolicy(Path file) {
        policy.reload(file);
        breakers.settings(breakerSettings());
    }

    private BreakerSettings breakerSettings() {
        return policy.state() instanceof ActivePolicy.Loaded l ? l.policy().breaker() : FALLBACK_BREAKER;
    }

    private Set<String> agentIds() {
        return policy.state() instanceof ActivePolicy.Loaded l ? l.policy().agents().keySet() : Set.of();
    }
}
