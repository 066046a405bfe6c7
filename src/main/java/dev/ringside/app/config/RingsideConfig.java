package dev.ringside.app.config;

import dev.ringside.agent.model.ModelSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ringside.yaml} can set, with defaults for what it leaves out. Secrets are not
 * here: Slack tokens come from the environment or the user-only {@code slack.token_file}.
 *
 * @param sandbox        true: the in-process sandbox cluster; false: the kubeconfig's cluster
 * @param context        kubeconfig context (null: the current one)
 * @param namespaces     namespaces watched for incidents (empty: all)
 * @param agentNamespace namespace of the agents' ServiceAccounts on a real cluster (one per agent, named as the agent)
 * @param agentSelector  label selector finding agent workloads and ServiceAccounts for the kill switch
 * @param journal        the journal of the configured cluster; sandbox sessions get their own file (see
 *                       {@link #sandboxJournal})
 */
public record RingsideConfig(
        Path source,
        boolean sandbox,
        String context,
        List<String> namespaces,
        String agentNamespace,
        String agentSelector,
        String slackChannel,
        String slackApiUrl,
        Path slackTokenFile,
        Map<String, String> slackApprovers,
        ModelSettings model,
        Path policy,
        Path runbooks,
        Path journal,
        Path checkpoints,
        Duration retention) {

    public static final String DEFAULT_AGENT_SELECTOR = "ringside.dev/agent=true";
    public static final String DEFAULT_AGENT_NAMESPACE = "ringside-agents";

    public RingsideConfig {
        namespaces = List.copyOf(namespaces);
        slackApprovers = Map.copyOf(slackApprovers);
    }

    /** The defaults used when there is no configuration file at all. */
    public static RingsideConfig defaults(Path dataDirectory) {
        return new RingsideConfig(null, true, null, List.of(), DEFAULT_AGENT_NAMESPACE, DEFAULT_AGENT_SELECTOR, null, null, null,
                Map.of(), ModelSettings.OFFLINE, null, null, dataDirectory.resolve("journal.db"), null, Duration.ofDays(90));
    }

    /**
     * Where a sandbox session started at {@code startedAt} (a compact timestamp) keeps its journal:
     * the sandbox is new at every start, so its journal is too, and it never mixes with the real
     * cluster's (an approval executed once there must not block the demo's next run).
     */
    public Path sandboxJournal(String startedAt) {
        Path parent = journal.toAbsolutePath().getParent();
        return parent.resolve("sandbox").resolve("session-" + startedAt + ".db");
    }

    /** {@code --sandbox}: the in-process sandbox, whatever the file says. */
    public RingsideConfig withSandbox() {
        return new RingsideConfig(source, true, context, namespaces, agentNamespace, agentSelector, slackChannel, slackApiUrl,
                slackTokenFile, slackApprovers, model, policy, runbooks, journal, checkpoints, retention);
    }

    /** {@code --policy FILE}. */
    public RingsideConfig withPolicy(Path file) {
        return new RingsideConfig(source, sandbox, context, namespaces, agentNamespace, agentSelector, slackChannel, slackApiUrl,
                slackTokenFile, slackApprovers, model, file, runbooks, journal, checkpoints, retention);
    }

    /** {@code --model-provider} and friends. */
    public RingsideConfig withModel(ModelSettings settings) {
        return new RingsideConfig(source, sandbox, context, namespaces, agentNamespace, agentSelector, slackChannel, slackApiUrl,
                slackTokenFile, slackApprovers, settings, policy, runbooks, journal, checkpoints, retention);
    }
}
