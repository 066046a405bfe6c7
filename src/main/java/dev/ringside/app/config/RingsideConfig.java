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
 * @param sandbox      true: the in-process sandbox cluster; false: the kubeconfig's cluster
 * @param context      kubeconfig context (null: the current one)
 * @param namespaces   namespaces agents may work in (empty: all)
 * @param agentSelector label selector finding agent workloads for the kill switch
 */
public record RingsideConfig(
        Path source,
        boolean sandbox,
        String context,
        List<String> namespaces,
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

    public RingsideConfig {
        namespaces = List.copyOf(namespaces);
        slackApprovers = Map.copyOf(slackApprovers);
    }

    /** The defaults used when there is no configuration file at all. */
    public static RingsideConfig defaults(Path dataDirectory) {
        return new RingsideConfig(null, true, null, List.of(), DEFAULT_AGENT_SELECTOR, null, null, null, Map.of(),
                ModelSettings.OFFLINE, null, null, dataDirectory.resolve("journal.db"), null, Duration.ofDays(90));
    }
}
