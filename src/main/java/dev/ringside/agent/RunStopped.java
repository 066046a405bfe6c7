package dev.ringside.agent;

/** Thrown through the model loop to end a run at once (kill switch, interruption). */
public final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunStopped(String message) {
        super(message);
    }
}
