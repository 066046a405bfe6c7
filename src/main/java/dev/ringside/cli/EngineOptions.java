package dev.ringside.cli;

import dev.ringside.agent.model.Models;
import dev.ringside.app.ConfiguredEngine;
import dev.ringside.app.Engine;
import dev.ringside.app.SetupException;
import dev.ringside.app.config.RingsideConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What chooses the engine for {@code run} and {@code cockpit}: the configuration file, and the
 * command-line options that win over it.
 */
final class EngineOptions {

    @Mixin
    ConfigOption configuration;

    @Mixin
    PolicyOption policy;

    @Mixin
    ModelOptions model;

    @Option(names = "--sandbox", description = "Use the in-process sandbox cluster, whatever the configuration says.")
    boolean sandbox;

    @Option(names = "--journal", paramLabel = "FILE", description = "Journal file (default: journal.path of the configuration; "
            + "on the sandbox, a new file per session in the sandbox/ directory beside it).")
    Path journal;

    /** The configuration file's settings with this command line's overrides applied. */
    RingsideConfig config() {
        RingsideConfig loaded = configuration.load();
        RingsideConfig config = loaded.withModel(model.settings(loaded.model()));
        if (policy.file != null) config = config.withPolicy(policy.file);
        return sandbox ? config.withSandbox() : config;
    }

    /** What the status bar and the run summary call the model. */
    static String modelLabel(RingsideConfig config) {
        return Models.fromEnvironment(config.model()).label();
    }

    /** Starts the configured engine; a setting that cannot work is one line on stderr and exit 2. */
    Engine start(RingsideConfig config) {
        if (journal != null) {
            Path parent = journal.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw new UserError("no directory " + parent + " for the journal");
        }
        try {
            return ConfiguredEngine.start(config, journal, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (SetupException cannot) {
            throw new UserError(cannot.getMessage());
        }
    }
}
