package dev.ringside.cli;

import dev.ringside.agent.model.Models;
import dev.ringside.app.AutoApprover;
import dev.ringside.app.HeadlessRun;
import dev.ringside.app.RunReport;
import dev.ringside.app.SandboxDemo;
import dev.ringside.app.config.RingsideConfig;
import dev.ringside.slack.SlackSettings;
import dev.ringside.slack.SlackSettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringside run --sandbox --headless --journal FILE [--approve all|none] [--kill-after SECONDS]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Work the sandbox incident to the end without the UI and print a summary.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policy;

    @Mixin
    ModelOptions model;

    @Mixin
    ConfigOption configuration;

    @Option(names = "--sandbox", required = true, description = "Use the in-process sandbox cluster (required in this build).")
    boolean sandbox;

    @Option(names = "--headless", required = true, description = "No UI (required for 'run').")
    boolean headless;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "Journal file to write.")
    Path journal;

    @Option(names = "--approve", paramLabel = "all|none", defaultValue = "none",
            description = "Answer every approval request: approve all (one person) or deny none. Default: none.")
    String approve;

    @Option(names = "--kill-after", paramLabel = "SECONDS", description = "Press the kill switch after this many seconds.")
    Double killAfter;

    /**
     * Slack from the environment (DESIGN.md's variables), falling back to the configuration file for
     * the channel, API URL, approvers and token file; a bad setting is a clear error, not silence.
     */
    private static java.util.Optional<SlackSettings> slackSettings(RingsideConfig config) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        if (config.slackChannel() != null) env.put(SlackSettings.CHANNEL, config.slackChannel());
        if (config.slackApiUrl() != null) env.put(SlackSettings.API_URL, config.slackApiUrl());
        if (!config.slackApprovers().isEmpty()) {
            env.put(SlackSettings.APPROVERS, String.join(",", config.slackApprovers().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        env.putAll(System.getenv());
        try {
            return SlackSettings.from(env, config.slackTokenFile());
        } catch (SlackSettingsException bad) {
            throw new UserError(bad.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        AutoApprover.Policy answer = switch (approve) {
            case "all" -> AutoApprover.Policy.ALL;
            case "none" -> AutoApprover.Policy.NONE;
            default -> throw new UserError("--approve takes 'all' or 'none', not '" + approve + "'");
        };
        if (killAfter != null && (killAfter < 0 || killAfter.isNaN())) throw new UserError("--kill-after takes seconds, 0 or more");
        Path parent = journal.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) throw new UserError("no directory " + parent + " for the journal");
        RingsideConfig config = configuration.load();
        Models models = Models.fromEnvironment(model.settings(config.model()));
        Path policyFile = policy.file != null ? policy.file : config.policy();
        String person = "cli:" + System.getProperty("user.name", "operator");
        var out = spec.commandLine().getOut();
        out.println("ringside run: sandbox cluster, journal " + journal + ", model " + models.label() + ", --approve " + approve
                + (killAfter == null ? "" : ", kill after " + killAfter + " s"));
        out.flush();
        RunReport report = HeadlessRun.run(new HeadlessRun.Settings(journal, policyFile, answer,
                killAfter == null ? null : Duration.ofMillis(Math.round(killAfter * 1000)), person, SandboxDemo.models(models),
                slackSettings(config), config.agentSelector()));
        out.print(report.render());
        out.flush();
        return 0;
    }
}
