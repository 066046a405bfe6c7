package dev.ringside.cli;

import dev.ringside.app.config.ConfigLoader;
import dev.ringside.app.config.ConfigLocations;
import dev.ringside.app.config.RingsideConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}; without it, ringside.yaml in the platform's configuration directory, if any. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ringside.yaml in the "
            + "configuration directory, e.g. ~/.config/ringside/ringside.yaml).")
    Path file;

    RingsideConfig load() {
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name");
        Path chosen = file != null ? file : ConfigLocations.configFile(System.getenv(), os, home);
        if (file != null && !java.nio.file.Files.isRegularFile(file)) throw new UserError("no configuration file at " + file);
        try {
            return ConfigLoader.load(chosen, home, ConfigLocations.dataDirectory(System.getenv(), os, home));
        } catch (ConfigLoader.ConfigException bad) {
            throw new UserError("the configuration cannot be used:\n" + bad.getMessage());
        }
    }
}
