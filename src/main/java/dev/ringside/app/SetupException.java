package dev.ringside.app;

/**
 * Something configured cannot be set up at start: a missing kubeconfig or context, an unreachable
 * API server, refused credentials, an agent without its own ServiceAccount, a broken extra
 * runbook, a wrong Slack setting, a journal that cannot be opened. One line, naming the setting to
 * change; nothing is left running.
 */
public final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
