package dev.ringside.gate;

/** A tool could not do what was asked (object missing, API error, timeout); the agent sees the message. */
public final class ToolFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public ToolFailure(String message) {
        super(message);
    }

    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
