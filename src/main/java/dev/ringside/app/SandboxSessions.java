package dev.ringside.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's per-session journals ({@code sandbox/session-*.db}, each with its {@code -wal},
 * {@code -shm} and {@code .checkpoints} beside it). A new one is made at every sandbox start, so
 * without pruning they pile up; those untouched for longer than the journal retention go, as the
 * events in the real journal do. A running session writes to its file, so it is never that old.
 */
public final class SandboxSessions {
    private static final System.Logger LOG = System.getLogger(SandboxSessions.class.getName());

    private SandboxSessions() {
    }

    /**
     * Deletes the sessions in {@code directory} last written before {@code now - retention} and
     * returns the journal files deleted. A missing directory has nothing to prune; a file that
     * cannot be deleted is logged and left, since pruning must never stop the cockpit starting.
     */
    public static List<Path> prune(Path directory, Duration retention, Instant now) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(directory)) return deleted;
        Instant cutoff = now.minus(retention);
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(directory, "session-*.db")) {
            for (Path session : sessions) {
                if (Files.getLastModifiedTime(session).toInstant().isBefore(cutoff) && delete(session)) deleted.add(session);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot prune old sandbox sessions in " + directory + ": " + e.getMessage());
        }
        return deleted;
    }

    private static boolean delete(Path session) {
        String name = session.getFileName().toString();
        try {
            for (String suffix : List.of("-wal", "-shm")) Files.deleteIfExists(session.resolveSibling(name + suffix));
            FileTrees.delete(session.resolveSibling(name + ".checkpoints"));
            Files.delete(session);
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the old sandbox session " + session + ": " + e.getMessage());
            return false;
        }
    }
}
