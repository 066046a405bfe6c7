package dev.ringside.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A {@code require_human} entry: calls matching every condition it names need an approval.
 * Empty sets and null values mean "any".
 */
public record HumanRule(String name, Set<String> tools, Integer minRing, Boolean destructive, Set<String> namespaces) {

    public HumanRule {
        tools = Set.copyOf(tools);
        namespaces = Set.copyOf(namespaces);
    }

    public boolean matches(ActionSpec action, JsonNode args) {
        if (!tools.isEmpty() && !tools.contains(action.tool())) return false;
        if (minRing != null && action.ring() < minRing) return false;
        if (destructive != null && action.destructive() != destructive) return false;
        if (!namespaces.isEmpty()) {
            JsonNode ns = args == null ? null : args.get("namespace");
            return ns != null && ns.isTextual() && namespaces.contains(ns.textValue());
        }
        return true;
    }
}
