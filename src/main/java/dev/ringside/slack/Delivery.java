package dev.ringside.slack;

import java.time.Duration;

/** What became of one attempt to hand a message to Slack. */
sealed interface Delivery {

    /** Slack took it; {@code ts} identifies the message for later edits. */
    record Delivered(String ts) implements Delivery {
    }

    /** Slack is rate limiting: try again after {@code retryAfter} (its Retry-After). */
    record RateLimited(Duration retryAfter) implements Delivery {
    }

    /** Slack or the network failed; try again with back-off. */
    record Failed(String error) implements Delivery {
    }

    /** Slack refused this message itself; retrying cannot help. */
    record Refused(String error) implements Delivery {
    }
}
