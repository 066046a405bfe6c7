package dev.ringside.app;

import dev.ringside.cluster.AgentClients;
import dev.ringside.cluster.KubernetesTools;
import dev.ringside.cluster.sandbox.SandboxCluster;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.gate.ToolAdapter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;

/**
 * The in-process demo cluster with each agent's own client and tool adapter. Agents never get the
 * admin client; the kill switch and the seeding use it.
 */
public final class SandboxWorld implements ClusterWorld {
    /** What the status bar calls the in-process demo cluster (not a kubeconfig context). */
    public static final String CONTEXT_NAME = "ringside-sandbox (in-process)";

    private final SandboxCluster cluster;
    private final AgentClients clients;
    private final AgentAdapters adapters = new AgentAdapters();
    private final Clock clock;

    private SandboxWorld(SandboxCluster cluster, AgentClients clients, Clock clock) {
        this.cluster = cluster;
        this.clients = clients;
        this.clock = clock;
    }

    /** Starts and seeds the sandbox; no agent is armed yet. */
    public static SandboxWorld start(Clock clock) {
        SandboxCluster cluster = SandboxCluster.start();
        return new SandboxWorld(cluster, AgentClients.forSandbox(cluster.adminClient()), clock);
    }

    /** Each agent runs as the ServiceAccount of its own name in the sandbox's agents' namespace. */
    @Override
    public void armAgents(Collection<String> agents) {
        for (String agent : agents) {
            adapters.arm(agent, new KubernetesTools(clients.arm(agent, SandboxNames.AGENTS, agent), clock));
        }
    }

    @Override
    public void stopAgentCredentials() {
        clients.stopRenewal();
    }

    public SandboxCluster cluster() {
        return cluster;
    }

    @Override
    public KubernetesClient adminClient() {
        return cluster.adminClient();
    }

    @Override
    public ToolAdapter adapterFor(String agent) {
        return adapters.adapterFor(agent);
    }

    @Override
    public Set<String> watchedNamespaces() {
        return Set.of();
    }

    @Override
    public Set<String> ignoredNamespaces() {
        return Set.of(SandboxNames.AGENTS);
    }

    @Override
    public String contextName() {
        return CONTEXT_NAME;
    }

    @Override
    public void close() {
        clients.close();
        cluster.close();
    }
}
