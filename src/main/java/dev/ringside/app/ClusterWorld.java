package dev.ringside.app;

import dev.ringside.gate.ToolAdapter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.Set;

/**
 * The cluster one engine works on: the engineer's side (watches, the kill switch) and each agent's
 * own identity. {@link SandboxWorld} is the in-process demo; {@link KubeconfigWorld} a real cluster.
 */
public interface ClusterWorld extends AutoCloseable {

    /** The engineer's client: the watches and the kill switch use it; agents never get it. */
    KubernetesClient adminClient();

    /**
     * Gives each of {@code agents} a fresh credential and a client holding only it. The engine
     * calls this at start (unless a kill is still in force) and after a re-arm restored the accounts.
     *
     * @throws SetupException when an agent cannot be given its own credentials (it must not run)
     */
    void armAgents(Collection<String> agents);

    /** The kill switch's credential step: no agent token is renewed any more. */
    void stopAgentCredentials();

    /**
     * The tool adapter acting with the agent's own credentials.
     *
     * @throws IllegalArgumentException when the agent is not armed
     */
    ToolAdapter adapterFor(String agent);

    /** Namespaces the watches cover; empty means every namespace. */
    Set<String> watchedNamespaces();

    /** Namespaces never reported from: the agents' own. */
    Set<String> ignoredNamespaces();

    /** What the status bar calls this cluster: the kubeconfig context, or the sandbox's name. */
    String contextName();

    /** The watched namespaces as the status bar shows them. */
    default String namespacesLabel() {
        return watchedNamespaces().isEmpty() ? "all namespaces" : String.join(", ", watchedNamespaces().stream().sorted().toList());
    }

    @Override
    void close();
}
