package dev.ringside.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.journal.Journal;
import dev.ringside.journal.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the journal's outbox to Slack, strictly in order, on one virtual thread: the head
 * message blocks the ones after it until it goes through (HTTP 429 → wait Retry-After; network
 * errors and 5xx → exponential back-off up to a cap). Rows stay in the journal until delivered, so
 * a restart resumes where delivery stopped.
 *
 * <p>Callers never wait for Slack or the disk: {@link #post} and {@link #update} hand the message
 * to a single queueing thread, which writes it to the outbox in call order.
 */
public final class SlackOutbox implements AutoCloseable {
    static final String POST = "post";
    static final String UPDATE = "update";
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Journal journal;
    private final SlackWebApi api;
    private final String channel;
    private final SlackSettings.Retry retry;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService queueing = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("ringside-slack-queue").factory());
    private final Thread worker;
    private volatile boolean closed;

    SlackOutbox(Journal journal, SlackWebApi api, SlackSettings settings, Clock clock) {
        this.journal = journal;
        this.api = api;
        this.channel = settings.channel();
        this.retry = settings.retry();
        this.clock = clock;
        this.worker = Thread.ofVirtual().name("ringside-slack-outbox").start(this::deliverForever);
    }

    /** Queues a new message; completes with its outbox id once it is durable. */
    public CompletableFuture<Long> post(SlackMessage message) {
        return queue(() -> journal.enqueue(POST, channel, message.toJson(null)));
    }

    /** Queues an edit of the message {@code original} will identify; delivered after it, never before. */
    public CompletableFuture<Long> update(CompletableFuture<Long> original, SlackMessage message) {
        return queue(() -> journal.enqueue(UPDATE, channel, message.toJson(original.join())));
    }

    /**
     * Tells the user privately, at once, on a thread of its own: answers to clicks are not worth
     * keeping across a restart, and a slow Slack must not hold up the outbox.
     */
    void whisper(String toChannel, String user, String text) {
        Thread.ofVirtual().name("ringside-slack-whisper").start(() -> api.whisper(toChannel, user, text));
    }

    private CompletableFuture<Long> queue(java.util.function.LongSupplier enqueue) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Slack outbox is closed"));
        }
        return CompletableFuture.supplyAsync(() -> {
            long id = enqueue.getAsLong();
            wake.release();
            return id;
        }, queueing);
    }

    private void deliverForever() {
        while (!closed) {
            try {
                List<OutboxMessage> head = journal.pending(1);
                if (head.isEmpty()) {
                    sleep(IDLE);
                    continue;
                }
                OutboxMessage message = head.getFirst();
                Duration wait = Duration.between(clock.instant(), message.nextAttemptAt());
                if (wait.isPositive()) {
                    sleep(wait);
                    continue;
                }
                settle(message, deliver(message));
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                sleep(retry.max()); // the journal itself failed; it reports that to everyone else
            }
        }
    }

    private Delivery deliver(OutboxMessage message) {
        JsonNode payload;
        try {
            payload = SlackMessage.JSON.readTree(message.payloadJson());
        } catch (Exception e) {
            return new Delivery.Refused("unreadable outbox payload: " + e.getMessage());
        }
        SlackMessage slackMessage = SlackMessage.fromJson(payload);
        if (UPDATE.equals(message.kind())) {
            String ts = journal.outboxMessage(payload.path("edits").asLong()).map(OutboxMessage::remoteId).orElse(null);
            // The original never made it (Slack refused it): say it in a new message rather than not at all.
            return ts == null ? api.post(message.channel(), slackMessage) : api.update(message.channel(), ts, slackMessage);
        }
        return api.post(message.channel(), slackMessage);
    }

    private void settle(OutboxMessage message, Delivery delivery) {
        Instant now = clock.instant();
        switch (delivery) {
            case Delivery.Delivered d -> journal.markDelivered(message.id(), d.ts());
            case Delivery.RateLimited r -> journal.markRetry(message.id(), now.plus(r.retryAfter()), "rate limited by Slack");
            case Delivery.Failed f ->
                    journal.markRetry(message.id(), now.plus(retry.after(message.attempts() + 1)), f.error());
            case Delivery.Refused r -> journal.markFailed(message.id(), r.error());
        }
    }

    private void sleep(Duration duration) {
        try {
            if (wake.tryAcquire(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops delivering (what is pending stays in the journal for next time). */
    @Override
    public void close() {
        closed = true;
        queueing.shutdown();
        try {
            queueing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wake.release();
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
