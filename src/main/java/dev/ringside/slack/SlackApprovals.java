package dev.ringside.slack;

import dev.ringside.gate.ApprovalInbox;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.ApprovalStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Mirrors the approval inbox into Slack: each new request is posted once; whenever it is decided
 * anywhere (cockpit, Slack, expiry, kill voiding) the same message is edited to show the outcome
 * and who decided. Expiry is noticed by a check at each request's deadline, because the inbox
 * expires requests lazily.
 */
final class SlackApprovals implements AutoCloseable {
    private static final Duration EXPIRY_GRACE = Duration.ofSeconds(1);

    private final ApprovalInbox inbox;
    private final SlackOutbox outbox;
    private final boolean interactive;
    private final Clock clock;
    private final Map<String, Posted> posted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("ringside-slack-expiry").factory());
    private volatile boolean closed;

    /** The message of one request and the status it shows. */
    private record Posted(CompletableFuture<Long> message, ApprovalStatus shown) {
    }

    SlackApprovals(ApprovalInbox inbox, SlackOutbox outbox, boolean interactive, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.interactive = interactive;
        this.clock = clock;
        inbox.addListener(this::changed);
    }

    /** The inbox's listener: runs on whoever changed the request, so it only queues. */
    private void changed(ApprovalRequest request) {
        if (closed) {
            return;
        }
        Optional<ApprovalStatus> status = inbox.status(request.id());
        if (status.isEmpty()) {
            return;
        }
        ApprovalStatus now = status.get();
        boolean first;
        synchronized (this) {
            Posted before = posted.get(request.id());
            if (before != null && before.shown().equals(now)) {
                return;
            }
            SlackMessage message = ApprovalCard.render(request, now, interactive);
            first = before == null;
            CompletableFuture<Long> id = first ? outbox.post(message) : before.message();
            if (!first) {
                outbox.update(id, message);
            }
            posted.put(request.id(), new Posted(id, now));
        }
        if (first && now instanceof ApprovalStatus.Pending) {
            long delay = Duration.between(clock.instant(), request.expiresAt()).plus(EXPIRY_GRACE).toMillis();
            deadlines.schedule(() -> changed(request), Math.max(0, delay), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        deadlines.shutdownNow();
    }
}
