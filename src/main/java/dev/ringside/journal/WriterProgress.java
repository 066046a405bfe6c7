package dev.ringside.journal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** What the writer has made durable, and whether it has failed; callers wait on it. */
final class WriterProgress {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long durableId;
    private volatile Throwable failure;

    WriterProgress(long durableId) {
        this.durableId = durableId;
    }

    long durableId() {
        return durableId;
    }

    void advance(long id) {
        lock.lock();
        try {
            if (id > durableId) {
                durableId = id;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void fail(Throwable cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Throws if the writer has failed: every later call must hear about it. */
    void throwIfFailed() {
        Throwable cause = failure;
        if (cause != null) {
            throw new JournalException("the journal writer failed and recorded nothing since: " + cause
                    + ". Stop agents and check the journal file and disk.", cause);
        }
    }

    boolean failed() {
        return failure != null;
    }

    /** Blocks until entry {@code id} is committed, or the writer fails. */
    void awaitDurable(long id) {
        lock.lock();
        try {
            boolean interrupted = false;
            while (durableId < id && failure == null) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
        if (durableId < id) {
            throwIfFailed();
        }
    }
}
