package dev.ringside.app;

import dev.ringside.gate.ToolAdapter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each armed agent's tool adapter, bound to that agent's own cluster identity; an unarmed agent has none. */
final class AgentAdapters {
    private final Map<String, ToolAdapter> adapters = new ConcurrentHashMap<>();

    void arm(String agent, ToolAdapter adapter) {
        adapters.put(agent, adapter);
    }

    ToolAdapter adapterFor(String agent) {
        ToolAdapter adapter = adapters.get(agent);
        if (adapter == null) throw new IllegalArgumentException("no cluster identity for agent '" + agent + "'");
        return adapter;
    }
}
