package dev.ringside.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded, validated policy. Immutable; the gate swaps whole policies, never edits one. */
public record Policy(
        PolicySource source,
        Map<String, AgentPolicy> agents,
        Map<String, ActionSpec> actions,
        NeverAllowList neverAllow,
        List<HumanRule> requireHuman,
        ApprovalSettings approvals,
        BreakerSettings breaker,
        Map<String, RunbookMode> runbooks) {

    public Policy {
        agents = Map.copyOf(agents);
        actions = Map.copyOf(actions);
        requireHuman = List.copyOf(requireHuman);
        runbooks = Map.copyOf(runbooks);
    }

    public Optional<AgentPolicy> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Optional<ActionSpec> action(String tool) {
        return Optional.ofNullable(actions.get(tool));
    }

    public Optional<RunbookMode> runbook(String name) {
        return Optional.ofNullable(runbooks.get(name));
    }
}
