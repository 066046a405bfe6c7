package dev.ringside.app;

import dev.ringside.cluster.AgentClients;
import dev.ringside.cluster.KubernetesTools;
import dev.ringside.cluster.sandbox.SandboxCluster;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.gate.ToolAdapter;
import java.time.Clock;
import java.util.Map;

/**
 * The in-process demo cluster with each agent's own client and tool adapter. Agents never get the
 * admin client; the kill switch and the seeding use it.
 */
public final class SandboxWorld implements AutoCloseable {
    private final SandboxCluster cluster;
    private final AgentClients clients;
    private final Map<String, ToolAdapter> adapters = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;

    private SandboxWorld(SandboxCluster cluster, AgentClients clients, Clock clock) {
        this.cluster = cluster;
        this.clients = clients;
        this.clock = clock;
    }

    public static SandboxWorld start(Clock clock) {
        SandboxCluster cluster = SandboxCluster.start();
        SandboxWorld world = new SandboxWorld(cluster, AgentClients.forSandbox(cluster.adminClient()), clock);
        world.armAgents();
        return world;
    }

    /** Gives every agent a fresh token and client (at start, and after a re-arm restored their accounts). */
    public void armAgents() {
        for (String agent : SandboxNames.AGENT_SERVICE_ACCOUNTS) {
            adapters.put(agent, new KubernetesTools(clients.arm(agent, SandboxNames.AGENTS, agent), clock));
        }
    }

    /** The kill switch's credential step: no agent token is renewed any more. */
    public void stopAgentCredentials() {
        clients.stopRenewal();
    }

    public SandboxCluster cluster() {
        return cluster;
    }

    public ToolAdapter adapterFor(String agent) {
        ToolAdapter adapter = adapters.get(agent);
        if (adapter == null) throw new IllegalArgumentException("no cluster identity for agent '" + agent + "'");
        return adapter;
    }

    @Override
    public void close() {
        clients.close();
        cluster.close();
    }
}
