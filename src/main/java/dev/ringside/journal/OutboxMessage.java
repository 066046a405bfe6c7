package dev.ringside.journal;

import java.time.Instant;

/**
 * One message waiting in (or gone from) the journal's outbox: what a chat integration must tell
 * people, kept durably so nothing is lost across a restart and delivered strictly in id order.
 *
 * @param kind          what to do with it, chosen by the integration (e.g. {@code post}, {@code update})
 * @param payloadJson   the message, as the integration wrote it
 * @param status        {@code pending}, {@code delivered} or {@code failed} (given up on for good)
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt not before this time may it be tried again
 * @param lastError     why the last attempt failed, or null
 * @param remoteId      the chat service's id of the delivered message (Slack's {@code ts}), or null
 */
public record OutboxMessage(long id, String kind, String channel, String payloadJson, String status, int attempts,
                            Instant nextAttemptAt, String lastError, String remoteId) {

    public boolean pending() {
        return "pending".equals(status);
    }
}
