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

    /**
     * Starts the UI toolkit. Called before the engine starts, so a machine without a display is
     * told so at once, not after the cluster was set up for nothing.
     *
     * @throws CannotOpen when no window can be opened here
     */
    void startToolkit();

    /** Opens the window on the engine (the toolkit already started) and returns the exit code once it is closed. */
    int open(Options options) throws InterruptedException;

    /** No window can be opened here, e.g. there is no display; the message says what to do instead. */
    final class CannotOpen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CannotOpen(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
