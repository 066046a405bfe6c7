package dev.ringside.app;

import dev.ringside.cluster.AgentClients;
import dev.ringside.cluster.ApiServerCheck;
import dev.ringside.cluster.Kubeconfig;
import dev.ringside.cluster.KubernetesTools;
import dev.ringside.cluster.kill.KillSettings;
import dev.ringside.gate.ToolAdapter;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;

/**
 * A real cluster, reached through a kubeconfig context. The engineer's credentials watch and run
 * the kill switch; each agent acts as the ServiceAccount of its own name in the agents' namespace,
 * with a short-lived TokenRequest token ({@link AgentClients#forCluster}) and nothing else.
 *
 * <p>Connecting checks everything it can before anything starts: the context exists, the API server
 * answers and lets the engineer list what the watches need, and (when agents are armed) each agent
 * has its ServiceAccount, labelled so the kill switch finds it, and gets a token.
 */
public final class KubeconfigWorld implements ClusterWorld {
    private static final String SIMPLE_SELECTOR = "[^,!=()\\s]+=[^,!=()\\s]*(,[^,!=()\\s]+=[^,!=()\\s]*)*";

    /**
     * Which cluster, and where agents live.
     *
     * @param context        the kubeconfig context; null means its current context
     * @param namespaces     watched namespaces; empty means all
     * @param agentNamespace where each agent's ServiceAccount (named as the agent) lives
     * @param agentSelector  the kill switch's selector; every agent ServiceAccount must match it
     */
    public record Target(Kubeconfig kubeconfig, String context, Set<String> namespaces, String agentNamespace,
                         String agentSelector) {
        public Target {
            namespaces = Set.copyOf(namespaces);
        }
    }

    private final String context;
    private final Target target;
    private final KubernetesClient admin;
    private final AgentClients clients;
    private final KillSettings kill;
    private final Clock clock;
    private final AgentAdapters adapters = new AgentAdapters();

    private KubeconfigWorld(String context, Target target, KubernetesClient admin, Clock clock) {
        this.context = context;
        this.target = target;
        this.admin = admin;
        this.clients = AgentClients.forCluster(admin, AgentClients.DEFAULT_LIFETIME);
        this.kill = KillSettings.defaults().withAgentSelector(target.agentSelector());
        this.clock = clock;
    }

    /**
     * Connects with the engineer's credentials; no agent is armed yet.
     *
     * @throws SetupException naming the setting when the context is unknown or the cluster unusable
     */
    public static KubeconfigWorld connect(Target target, Clock clock) {
        Kubeconfig kubeconfig = target.kubeconfig();
        String context = chosenContext(target);
        Config engineer = kubeconfig.clientConfig(context);
        ApiServerCheck.problem(engineer, target.namespaces()).ifPresent(problem -> {
            throw new SetupException("kubeconfig context '" + context + "' (cluster.context): " + problem);
        });
        return new KubeconfigWorld(context, target, new KubernetesClientBuilder().withConfig(engineer).build(), clock);
    }

    private static String chosenContext(Target target) {
        Kubeconfig kubeconfig = target.kubeconfig();
        String where = "the kubeconfig " + String.join(", ", kubeconfig.files().stream().map(Object::toString).toList());
        if (target.context() != null) {
            if (!kubeconfig.contexts().contains(target.context())) {
                throw new SetupException("cluster.context: there is no context '" + target.context() + "' in " + where
                        + "; contexts there: " + kubeconfig.contexts());
            }
            return target.context();
        }
        String current = kubeconfig.currentContext().orElseThrow(() -> new SetupException(where
                + " sets no current context; name one in cluster.context (contexts there: " + kubeconfig.contexts() + ")"));
        if (!kubeconfig.contexts().contains(current)) {
            throw new SetupException("the current context '" + current + "' of " + where + " is not defined there; "
                    + "name one in cluster.context (contexts there: " + kubeconfig.contexts() + ")");
        }
        return current;
    }

    @Override
    public void armAgents(Collection<String> agents) {
        for (String agent : agents) {
            requireKillableAccount(agent);
            try {
                adapters.arm(agent, new KubernetesTools(clients.arm(agent, target.agentNamespace(), agent), clock));
            } catch (IllegalStateException noToken) {
                throw new SetupException("agent '" + agent + "': " + noToken.getMessage(), noToken);
            }
        }
    }

    /** The agent's ServiceAccount must exist and match the kill switch's selector, or the kill could not take it away. */
    private void requireKillableAccount(String agent) {
        String account = target.agentNamespace() + "/" + agent;
        ServiceAccount found;
        try {
            found = admin.serviceAccounts().inNamespace(target.agentNamespace()).withName(agent).get();
        } catch (KubernetesClientException e) {
            throw new SetupException("cannot read the ServiceAccount " + account + " of agent '" + agent + "' (HTTP "
                    + e.getCode() + "): " + e.getMessage(), e);
        }
        if (found == null) {
            throw new SetupException("agent '" + agent + "' has no ServiceAccount " + account + " (cluster.agent_namespace is '"
                    + target.agentNamespace() + "'); create it as the README's 'Connecting a real cluster' shows");
        }
        if (!kill.selects(found.getMetadata().getLabels())) {
            String example = target.agentSelector().matches(SIMPLE_SELECTOR)
                    ? "; e.g. kubectl label serviceaccount -n " + target.agentNamespace() + " " + agent + " "
                    + target.agentSelector().replace(',', ' ') : "";
            throw new SetupException("the ServiceAccount " + account + " does not match the agent selector '"
                    + target.agentSelector() + "' (cluster.agent_selector), so the kill switch would not find it; label it"
                    + example);
        }
    }

    @Override
    public void stopAgentCredentials() {
        clients.stopRenewal();
    }

    @Override
    public KubernetesClient adminClient() {
        return admin;
    }

    @Override
    public ToolAdapter adapterFor(String agent) {
        return adapters.adapterFor(agent);
    }

    @Override
    public Set<String> watchedNamespaces() {
        return target.namespaces();
    }

    @Override
    public Set<String> ignoredNamespaces() {
        return Set.of(target.agentNamespace());
    }

    @Override
    public String contextName() {
        return context;
    }

    @Override
    public void close() {
        clients.close();
        admin.close();
    }
}
