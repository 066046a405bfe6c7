package dev.ringside.policy;

import java.util.List;
import java.util.Set;

/**
 * What one agent may do. {@code ring} is what it may do on its own; {@code proposesUpTo} is the
 * highest ring it may ask a human for (never below {@code ring}). {@code namespaces} bounds where
 * it acts ("*" means any), {@code runbooks} what it may run.
 */
public record AgentPolicy(String id, int ring, int proposesUpTo, Set<String> namespaces, List<String> runbooks) {

    public AgentPolicy {
        namespaces = Set.copyOf(namespaces);
        runbooks = List.copyOf(runbooks);
    }

    public boolean mayActIn(String namespace) {
        return namespaces.contains("*") || namespaces.contains(namespace);
    }
}
