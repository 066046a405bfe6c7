package dev.ringside.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    /** Set by both launchers to the archive they name in {@code -XX:SharedArchiveFile}. */
    static final String PROPERTY = "ringside.classDataArchive";

    private ClassDataCache() {
    }

    /** Prepares the archive the launcher named, if any. */
    static void prepare() {
        archiveNamed(System.getProperty(PROPERTY)).ifPresent(ClassDataCache::prepare);
    }

    /** The archive a launcher named, when it is one of Ringside's (a {@code ringside-*} or {@code Ringside-*} file). */
    static Optional<Path> archiveNamed(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        Path path = Path.of(value);
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("ringside")
                ? Optional.of(path) : Optional.empty();
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
