package dev.ringside.app.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the configuration and data live on each platform (XDG on Linux). */
public final class ConfigLocations {
    public static final String FILE_NAME = "ringside.yaml";

    private ConfigLocations() {
    }

    public static Path configFile(Map<String, String> env, String osName, Path home) {
        return configDirectory(env, osName, home).resolve(FILE_NAME);
    }

    public static Path configDirectory(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) return Path.of(env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()), "Ringside");
        if (os.contains("mac")) return home.resolve("Library/Application Support/Ringside");
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("ringside");
    }

    public static Path dataDirectory(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) return Path.of(env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()), "Ringside");
        if (os.contains("mac")) return home.resolve("Library/Application Support/Ringside");
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("ringside");
    }

    /** {@code ~/x} as written in the file, relative to the user's home. */
    static Path expand(String path, Path home) {
        if (path.equals("~")) return home;
        if (path.startsWith("~/")) return home.resolve(path.substring(2));
        return Path.of(path);
    }
}
