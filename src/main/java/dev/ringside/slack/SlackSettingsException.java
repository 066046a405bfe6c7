package dev.ringside.slack;

/** Slack is configured wrongly; the message says what, where, and what to do. */
public final class SlackSettingsException extends RuntimeException {

    public SlackSettingsException(String message) {
        super(message);
    }

    public SlackSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
