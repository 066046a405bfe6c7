package dev.ringside.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Ringside's launchers keep a class-data archive of the running build in the user's cache
 * directory: the JVM writes it when the first run exits and maps it in the next ones, for a faster
 * start. The JVM does not create the directory, and it never rebuilds an archive whose jars have
 * changed (it only stops using it), so each build names its own archive. This creates the
 * directory and deletes the archives of other builds, which are 60-70 MB each. A failure here only
 * costs start-up time, so it is never reported as an error.
 */
final class ClassDataCache {
    private static final String OPTION = "-XX:SharedArchiveFile=";

    private ClassDataCache() {
    }

    /** Prepares the archive named on this JVM's command line, if any. */
    static void prepare() {
        archiveOf(ManagementFactory.getRuntimeMXBean().getInputArguments()).ifPresent(ClassDataCache::prepare);
    }

    /** The archive an option list names, when it is one of Ringside's (a {@code ringside-*} or {@code Ringside-*} file). */
    static Optional<Path> archiveOf(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> option.startsWith(OPTION)).reduce((first, last) -> last)
                .map(option -> Path.of(option.substring(OPTION.length())))
                .filter(path -> path.getFileName() != null && path.getFileName().toString().toLowerCase().startsWith("ringside"));
    }

    /** Creates the archive's directory and deletes the other builds' archives beside it. */
    static void prepare(Path archive) {
        Path directory = archive.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            String name = archive.getFileName().toString();
            String family = name.substring(0, "ringside".length()) + "*.jsa";
            try (DirectoryStream<Path> archives = Files.newDirectoryStream(directory, family)) {
                for (Path other : archives) {
                    if (!other.getFileName().toString().equals(name)) Files.deleteIfExists(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A read-only or odd cache directory: Ringside starts without the archive, a little slower.
        }
    }
}
