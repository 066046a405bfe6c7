package dev.ringside.app;

import java.nio.file.Path;

/**
 * Opens the desktop cockpit. The command line finds the implementation with
 * {@link java.util.ServiceLoader}, so nothing below the UI depends on it and a build without the
 * UI still runs every headless command.
 */
public interface CockpitOpener {

    /** What {@code ringside cockpit} was asked for; {@code policy} null means the built-in policy. */
    record Options(Path journal, Path policy, String approver, boolean light) {
    }

    /** Opens the window on the sandbox engine and returns the exit code once it is closed. */
    int open(Options options) throws InterruptedException;
}
