package dev.ringside.app;

/**
 * Opens the desktop cockpit. The command line finds the implementation with
 * {@link java.util.ServiceLoader}, so nothing below the UI depends on it and a build without the
 * UI still runs every headless command.
 */
public interface CockpitOpener {

    /**
     * What {@code ringside cockpit} was asked for. The command line has already started the engine
     * from the configuration; the cockpit starts its watches once the window is up.
     *
     * @param modelLabel    what the status bar calls the model
     * @param startupReport print when the cockpit became usable, then close it (a cold-start probe and smoke test)
     */
    record Options(Engine engine, String modelLabel, String approver, boolean light, boolean startupReport) {
    }

    /** Opens the window on the engine and returns the exit code once it is closed. */
    int open(Options options) throws InterruptedException;
}
