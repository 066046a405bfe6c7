package dev.ringside.cluster.kill;

import java.util.List;

/**
 * What re-arming will give back, one line a person can read per change (for example
 * {@code RoleBinding shop/crashloop-agent → recreate} or
 * {@code Deployment ringside-agents/crashloop-agent → 1 replica}), in the order restore does it,
 * and notes on what it will not bring back.
 */
public record RestorePlan(String killId, List<String> actions, List<String> notes) {
    public RestorePlan {
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** Every action, then every note, one per line. */
    public List<String> lines() {
        return java.util.stream.Stream.concat(actions.stream(), notes.stream().map(n -> "note: " + n)).toList();
    }

    @Override
    public String toString() {
        return actions.isEmpty() && notes.isEmpty() ? "nothing to restore" : String.join("\n", lines());
    }
}
