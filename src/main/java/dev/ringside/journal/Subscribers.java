package dev.ringside.journal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Live delivery of committed entries. Each subscriber has its own virtual thread and bounded
 * queue: the writer only offers (never blocks, never runs subscriber code), so a slow or throwing
 * subscriber cannot stall or break it. A subscriber that falls behind and loses queued entries
 * notices (by an overflow flag, or a gap in the contiguous ids) and catches up from the database, so it still sees every
 * entry, in order, exactly once.
 */
final class Subscribers {

    private static final System.Logger LOG = System.getLogger(Subscribers.class.getName());
    private static final int QUEUE_CAPACITY = 16_384;
    private static final int CATCH_UP_PAGE = 1_000;

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final JournalReader reader;
    private final LongSupplier durableId;

    Subscribers(JournalReader reader, LongSupplier durableId) {
        this.reader = reader;
        this.durableId = durableId;
    }

    /** Starts delivering entries committed from now on. */
    AutoCloseable add(Consumer<JournalEntry> consumer) {
        Subscription subscription = new Subscription(consumer, durableId.getAsLong());
        subscriptions.add(subscription);
        subscription.thread = Thread.ofVirtual().name("ringside-journal-subscriber").start(subscription::deliver);
        return subscription;
    }

    /** Called by the writer after a commit; never blocks. */
    void publish(List<JournalEntry> committed) {
        for (Subscription subscription : subscriptions) {
            for (JournalEntry entry : committed) {
                if (!subscription.queue.offer(entry)) {
                    // The subscriber reads the rest from the database once it has drained its queue.
                    subscription.overflowed = true;
                    break;
                }
            }
        }
    }

    void closeAll() {
        subscriptions.forEach(Subscription::close);
    }

    private final class Subscription implements AutoCloseable {
        private final BlockingQueue<JournalEntry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final Consumer<JournalEntry> consumer;
        private volatile boolean closed;
        private volatile boolean overflowed;
        private volatile Thread thread;
        private long delivered;

        Subscription(Consumer<JournalEntry> consumer, long startAfter) {
            this.consumer = consumer;
            this.delivered = startAfter;
        }

        void deliver() {
            while (!closed) {
                JournalEntry next = queue.poll();
                if (next == null) {
                    if (overflowed) {
                        overflowed = false; // cleared first, so an overflow during the catch-up is not missed
                        catchUpTo(Long.MAX_VALUE);
                        continue;
                    }
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        continue; // close() interrupts; the loop condition decides
                    }
                }
                if (next.id() > delivered + 1) {
                    catchUpTo(next.id());
                }
                if (next.id() == delivered + 1) {
                    hand(next);
                }
            }
        }

        /** Delivers committed entries from the database, up to (not including) {@code id}. */
        private void catchUpTo(long id) {
            while (delivered + 1 < id && !closed) {
                List<JournalEntry> page = reader.readAfter(delivered, (int) Math.min(CATCH_UP_PAGE, id - 1 - delivered));
                if (page.isEmpty()) {
                    return;
                }
                page.forEach(this::hand);
            }
        }

        private void hand(JournalEntry entry) {
            delivered = entry.id();
            try {
                consumer.accept(entry);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "journal subscriber threw on entry " + entry.id()
                        + "; it keeps receiving later entries", e);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
