package dev.ringside.cli;

import dev.ringside.app.AutoApprover;
import dev.ringside.app.Engine;
import dev.ringside.app.HeadlessRun;
import dev.ringside.app.RunReport;
import dev.ringside.app.config.RingsideConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringside run [--sandbox] --headless [--journal FILE] [--config FILE] [--approve all|none] [--kill-after SECONDS]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Work the configured cluster's incidents (the sandbox's by default) to the end without the UI and print "
                + "a summary.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--headless", required = true, description = "No UI (required for 'run').")
    boolean headless;

    @Option(names = "--approve", paramLabel = "all|none", defaultValue = "none",
            description = "Answer every approval request: approve all (one person, sandbox only) or deny none. Default: none.")
    String approve;

    @Option(names = "--kill-after", paramLabel = "SECONDS", description = "Press the kill switch after this many seconds.")
    Double killAfter;

    @Override
    public Integer call() throws InterruptedException {
        AutoApprover.Policy answer = switch (approve) {
            case "all" -> AutoApprover.Policy.ALL;
            case "none" -> AutoApprover.Policy.NONE;
            default -> throw new UserError("--approve takes 'all' or 'none', not '" + approve + "'");
        };
        if (killAfter != null && (killAfter < 0 || killAfter.isNaN())) throw new UserError("--kill-after takes seconds, 0 or more");
        RingsideConfig config = engine.config();
        if (answer == AutoApprover.Policy.ALL && !config.sandbox()) {
            throw new UserError("--approve all works on the sandbox only; on a real cluster approvals are people's decisions "
                    + "(use the cockpit or Slack)");
        }
        String person = "cli:" + System.getProperty("user.name", "operator");
        var out = spec.commandLine().getOut();
        try (Engine started = engine.start(config)) {
            out.println("ringside run: cluster " + started.world().contextName() + " (" + started.world().namespacesLabel()
                    + "), journal " + started.journal().options().db() + ", model " + EngineOptions.modelLabel(config)
                    + ", --approve " + approve + (killAfter == null ? "" : ", kill after " + killAfter + " s"));
            out.flush();
            RunReport report = HeadlessRun.run(started, new HeadlessRun.Settings(answer,
                    killAfter == null ? null : Duration.ofMillis(Math.round(killAfter * 1000)), person));
            out.print(report.render());
            out.flush();
        }
        return 0;
    }
}
