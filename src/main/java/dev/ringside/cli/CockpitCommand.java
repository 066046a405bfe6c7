package dev.ringside.cli;

import dev.ringside.app.CockpitOpener;
import dev.ringside.app.Engine;
import dev.ringside.app.config.RingsideConfig;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ringside cockpit [--sandbox] [--config FILE] [--journal FILE] [--policy FILE] [--approver NAME] [--light]
 * [--startup-report]}; also bare {@code ringside}.
 */
@Command(name = "cockpit", mixinStandardHelpOptions = true,
        description = "Open the on-call cockpit on the configured cluster (the sandbox by default, where the watches start the "
                + "demo incident).")
final class CockpitCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who approves from this cockpit (default: your user name).")
    String approver = System.getProperty("user.name", "operator");

    @Option(names = "--light", description = "Start with the light theme.")
    boolean light;

    @Option(names = "--startup-report", description = "Print 'cockpit interactive after N ms (JVM start to first frame)' once "
            + "the first frame with the agents panel filled is rendered, then close and exit 0 (cold-start probe, smoke test).")
    boolean startupReport;

    @Override
    public Integer call() throws Exception {
        CockpitOpener opener = ServiceLoader.load(CockpitOpener.class).findFirst()
                .orElseThrow(() -> new UserError("this build has no cockpit UI; the headless commands still work (see 'ringside --help')"));
        RingsideConfig config = engine.config();
        try {
            opener.startToolkit();
        } catch (CockpitOpener.CannotOpen noWindow) {
            throw new UserError(noWindow.getMessage());
        }
        try (Engine started = engine.start(config)) {
            return opener.open(new CockpitOpener.Options(started, EngineOptions.modelLabel(config), approver, light, startupReport));
        }
    }
}
