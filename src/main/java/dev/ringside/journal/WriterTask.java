package dev.ringside.journal;

import java.util.concurrent.CompletableFuture;

/** Work for the single writer thread, in the order it must happen. */
sealed interface WriterTask {

    record Append(PendingEntry entry) implements WriterTask {}

    record Claim(String digest, String requestId, long atMicros, CompletableFuture<Boolean> result)
            implements WriterTask {}

    record Prune(long cutoffMicros, CompletableFuture<Long> result) implements WriterTask {}

    record WriteCheckpoint(CompletableFuture<Checkpoint> result) implements WriterTask {}

    record OutboxEnqueue(String kind, String channel, String payloadJson, long atMicros,
                         CompletableFuture<Long> result) implements WriterTask {}

    /** Moves one outbox row on: delivered (with Slack's ts), failed for good, or retry later. */
    record OutboxMark(long id, String status, String slackTs, long nextAttemptMicros, String error, long atMicros,
                      CompletableFuture<Boolean> result) implements WriterTask {}

    record Close(CompletableFuture<Void> result) implements WriterTask {}
}
