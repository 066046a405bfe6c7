package dev.ringside.app;

import dev.ringside.agent.Runbook;
import dev.ringside.agent.RunbookLoader;
import dev.ringside.agent.model.Models;
import dev.ringside.app.config.RingsideConfig;
import dev.ringside.cluster.Kubeconfig;
import dev.ringside.journal.JournalException;
import dev.ringside.journal.JournalOptions;
import dev.ringside.slack.SlackSettings;
import dev.ringside.slack.SlackSettingsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the {@link Engine} a configuration describes (command-line overrides already applied):
 * the sandbox or the kubeconfig's cluster, the journal with its checkpoints and retention, the
 * policy, the built-in and extra runbooks, the kill switch's agent selector, the model and Slack.
 * {@code ringside run} and {@code ringside cockpit} both start their engine here. Everything that
 * can be checked is checked before the engine runs; a wrong setting stops the start with one line.
 */
public final class ConfiguredEngine {
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private ConfiguredEngine() {
    }

    /**
     * @param journalFile the journal named on the command line; null: the configured one (or, on the
     *                    sandbox, a fresh file per session)
     * @param env         the process environment (KUBECONFIG, Slack tokens, model API keys)
     * @throws SetupException when any part cannot be set up; nothing is left running
     */
    public static Engine start(RingsideConfig config, Path journalFile, Map<String, String> env, Path home) {
        Clock clock = Clock.systemUTC();
        Optional<SlackSettings> slack;
        try {
            slack = slackSettings(config, env);
        } catch (SlackSettingsException e) {
            throw new SetupException("Slack: " + e.getMessage(), e);
        }
        List<Runbook> runbooks;
        try {
            runbooks = config.runbooks() == null ? RunbookLoader.builtIn() : RunbookLoader.builtInAnd(config.runbooks());
        } catch (IllegalArgumentException e) {
            throw new SetupException("runbooks: " + e.getMessage(), e);
        }
        Models models = new Models(config.model(), env::get);
        ClusterWorld world = config.sandbox() ? SandboxWorld.start(clock) : KubeconfigWorld.connect(target(config, env, home), clock);
        Engine engine;
        try {
            engine = Engine.start(world, new Engine.Settings(journalOptions(config, journalFile, clock), config.policy(), runbooks,
                    config.sandbox() ? SandboxDemo.models(models) : models, config.agentSelector()));
        } catch (JournalException e) {
            throw new SetupException(e.getMessage(), e);
        }
        try {
            engine.connectSlack(slack);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /**
     * The journal: the file given on the command line; else, on the sandbox, a new file for this
     * session (the sandbox is new at every start, and must not share the real cluster's ledger of
     * executed approvals), sessions older than the retention pruned; else the configured journal
     * with its checkpoints and retention.
     */
    public static JournalOptions journalOptions(RingsideConfig config, Path journalFile, Clock clock) {
        if (journalFile != null) return JournalOptions.at(journalFile).withTraceRetention(config.retention());
        if (config.sandbox()) {
            String session = SESSION.format(clock.instant()) + "-" + ProcessHandle.current().pid();
            Path journal = config.sandboxJournal(session);
            SandboxSessions.prune(journal.getParent(), config.retention(), clock.instant());
            return JournalOptions.at(journal);
        }
        return JournalOptions.at(config.journal()).withCheckpointDir(config.checkpoints()).withTraceRetention(config.retention());
    }

    private static KubeconfigWorld.Target target(RingsideConfig config, Map<String, String> env, Path home) {
        Kubeconfig kubeconfig;
        try {
            kubeconfig = Kubeconfig.locate(env, home);
        } catch (IllegalArgumentException e) {
            throw new SetupException("cluster.sandbox is false, but " + e.getMessage()
                    + "; point KUBECONFIG at one, or set cluster.sandbox: true", e);
        }
        return new KubeconfigWorld.Target(kubeconfig, config.context(), Set.copyOf(config.namespaces()), config.agentNamespace(),
                config.agentSelector());
    }

    /**
     * Slack from the environment (DESIGN.md's variables), falling back to the configuration for the
     * channel, API URL, approvers and token file. Empty when no bot token is set anywhere.
     */
    static Optional<SlackSettings> slackSettings(RingsideConfig config, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        if (config.slackChannel() != null) values.put(SlackSettings.CHANNEL, config.slackChannel());
        if (config.slackApiUrl() != null) values.put(SlackSettings.API_URL, config.slackApiUrl());
        if (!config.slackApprovers().isEmpty()) {
            values.put(SlackSettings.APPROVERS, String.join(",", config.slackApprovers().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        values.putAll(env);
        return SlackSettings.from(values, config.slackTokenFile());
    }
}
