package dev.ringside.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The journal: one SQLite file (WAL mode) holding every trace event, the hash-chained audit log
 * and the execution ledger, plus signed checkpoints in a directory beside it.
 *
 * <p>{@link #record} is cheap and never touches the disk: it stamps, numbers, encodes and (for
 * audited events) chains the event under a lock, so the order is fixed there, and queues it for a
 * single writer thread that commits in batches. Use {@link #flush()} or {@link #awaitDurable(long)}
 * when an event must be on disk before you go on. A writer failure is never swallowed: every later
 * call throws.
 *
 * <p>Thread-safe. Close it to write a final checkpoint and release the file.
 */
public final class Journal implements RunReader, AutoCloseable {

    private final JournalOptions options;
    private final String journalId;
    private final Clock clock;
    private final BlockingQueue<WriterTask> queue;
    private final WriterProgress progress;
    private final JournalReader reader;
    private final Subscribers subscribers;
    private final Thread writerThread;
    private final AuditChain chain;

    private final ReentrantLock recordLock = new ReentrantLock();
    private long lastId;
    private long lastMicros;
    private boolean closed;

    private Journal(JournalOptions options, String journalId, Connection writerConnection, JournalReader reader,
                    AuditChain chain, long lastId, long lastMicros) throws SQLException {
        this.options = options;
        this.journalId = journalId;
        this.clock = options.clock();
        this.chain = chain;
        this.lastId = lastId;
        this.lastMicros = lastMicros;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.progress = new WriterProgress(lastId);
        this.reader = reader;
        this.subscribers = new Subscribers(reader, progress::durableId);
        JournalWriter writer = new JournalWriter(writerConnection, queue, progress, subscribers,
                new CheckpointStore(options.checkpointDir()), journalId, clock, options.checkpointEvery(),
                chain.seq(), chain.headHash());
        this.writerThread = Thread.ofPlatform().name("ringside-journal-writer").daemon(true).start(writer);
    }

    /**
     * Opens the journal at {@code options.db()}, creating it (schema, journal id, signing key and a
     * first checkpoint) if the file is new or empty.
     *
     * @throws JournalException if the file is not a Ringside journal, is of another schema version,
     *                          or its guard triggers were removed or changed
     */
    public static Journal open(JournalOptions options) {
        Path db = options.db();
        Connection writer = null;
        Connection readerConnection = null;
        try {
            if (db.toAbsolutePath().getParent() != null) {
                Files.createDirectories(db.toAbsolutePath().getParent());
            }
            writer = JournalSchema.connect(db);
            long now = Micros.of(options.clock().instant());
            JournalSchema.Identity identity = JournalSchema.createOrCheck(writer, db, now);
            String journalId = identity.journalId();
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL"); // a committed batch survives power loss
            }
            AuditChain chain = AuditChain.load(writer);
            long lastId = JournalSchema.lastEventId(writer);
            long lastMicros = JournalSchema.lastEventMicros(writer);
            if (identity.created()) {
                new CheckpointStore(options.checkpointDir()).write(new Checkpoint(journalId, 0,
                        HexFormat.of().formatHex(AuditLinkHasher.GENESIS), 0, Micros.toInstant(now),
                        JournalSchema.triggersDigest(writer)));
            }
            readerConnection = JournalSchema.connect(db);
            JournalReader reader = new JournalReader(readerConnection);
            return new Journal(options, journalId, writer, reader, chain, lastId, lastMicros);
        } catch (Exception e) {
            closeQuietly(readerConnection);
            closeQuietly(writer);
            if (e instanceof JournalException je) {
                throw je;
            }
            throw new JournalException("cannot open journal " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records an event and returns its id. Does not wait for the disk; blocks only when the writer
     * is {@link JournalOptions#queueCapacity()} events behind.
     *
     * @throws JournalException if the writer has failed
     * @throws IllegalStateException if the journal is closed
     */
    public long record(String runId, String agent, TraceEvent event) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agent, "agent");
        String type = event.type();
        String payload = EventCodec.encode(event);
        long now = Micros.of(clock.instant());
        recordLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("journal " + options.db() + " is closed");
            }
            progress.throwIfFailed();
            // Times never go backwards in id order, even if the wall clock is stepped back.
            long at = Math.max(now, lastMicros);
            long id = lastId + 1;
            AuditLink link = event.audited() ? chain.append(id, at, runId, agent, type, payload) : null;
            enqueue(new WriterTask.Append(new PendingEntry(id, at, runId, agent, type, payload, event, link)));
            lastId = id;
            lastMicros = at;
            return id;
        } finally {
            recordLock.unlock();
        }
    }

    /** Blocks until every event recorded so far is committed to disk. */
    public void flush() {
        long target;
        recordLock.lock();
        try {
            target = lastId;
        } finally {
            recordLock.unlock();
        }
        awaitDurable(target);
    }

    /**
     * Blocks until the event with {@code id} (and every earlier one) is committed to disk.
     *
     * @throws JournalException if the writer failed before getting there
     */
    public void awaitDurable(long id) {
        recordLock.lock();
        try {
            if (id > lastId) {
                throw new IllegalArgumentException("event " + id + " has not been recorded (last id is " + lastId + ")");
            }
        } finally {
            recordLock.unlock();
        }
        progress.awaitDurable(id);
        progress.throwIfFailed();
    }

    /**
     * Calls {@code subscriber} with every entry committed from now on, in id order, on a virtual
     * thread of its own (one per subscription). A slow subscriber falls behind without slowing the
     * writer and catches up from the file; one that throws is logged and keeps receiving. Close the
     * returned handle to stop.
     */
    public AutoCloseable subscribe(Consumer<JournalEntry> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return subscribers.add(subscriber);
    }

    @Override
    public List<JournalEntry> readRun(String runId, long afterId, int limit) {
        return reader.readRun(runId, afterId, limit);
    }

    /** Every committed event with {@code from <= at < to}, in order. */
    public List<JournalEntry> readBetween(Instant from, Instant to) {
        List<JournalEntry> all = new ArrayList<>();
        for (List<JournalEntry> page = readBetween(from, to, 0, READ_PAGE); !page.isEmpty();
             page = readBetween(from, to, page.getLast().id(), READ_PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    /** Up to {@code limit} committed events with {@code from <= at < to} and id greater than {@code afterId}. */
    public List<JournalEntry> readBetween(Instant from, Instant to, long afterId, int limit) {
        return reader.readBetween(Micros.of(from), Micros.of(to), afterId, limit);
    }

    /** Up to {@code limit} committed events of any run with id greater than {@code afterId}. */
    public List<JournalEntry> readAfter(long afterId, int limit) {
        return reader.readAfter(afterId, limit);
    }

    /** Every run with events in the journal, oldest first. */
    public List<RunSummary> runs() {
        return reader.runs();
    }

    /**
     * Deletes trace events older than the retention (relative to the clock's now) and returns how
     * many. Audit links are never deleted.
     */
    public long pruneTraceEvents() {
        long cutoff = Micros.of(clock.instant().minus(options.traceRetention()));
        return submit(new WriterTask.Prune(cutoff, new CompletableFuture<>()), WriterTask.Prune::result);
    }

    /**
     * Claims the one execution of the approved action with {@code digest}. Returns true the first
     * time the digest is claimed and false forever after, across threads and restarts; the claim
     * is committed to disk before this returns.
     */
    public boolean claimExecution(String digest, String requestId) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(requestId, "requestId");
        long now = Micros.of(clock.instant());
        return submit(new WriterTask.Claim(digest, requestId, now, new CompletableFuture<>()), WriterTask.Claim::result);
    }

    /**
     * Writes a signed checkpoint of the audit chain's head now (after everything recorded so far
     * is committed) and returns it. The kill switch calls this.
     */
    public Checkpoint checkpoint() {
        return submit(new WriterTask.WriteCheckpoint(new CompletableFuture<>()), WriterTask.WriteCheckpoint::result);
    }

    /**
     * Adds a message to the durable outbox and returns its id; ids give the delivery order. The
     * row is committed before this returns.
     */
    public long enqueue(String kind, String channel, String payloadJson) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payloadJson, "payloadJson");
        return submit(new WriterTask.OutboxEnqueue(kind, channel, payloadJson, Micros.of(clock.instant()),
                new CompletableFuture<>()), WriterTask.OutboxEnqueue::result);
    }

    /** Up to {@code limit} undelivered outbox messages, oldest (lowest id) first. */
    public List<OutboxMessage> pending(int limit) {
        return reader.outboxPending(limit);
    }

    /** One outbox message, delivered or not. */
    public java.util.Optional<OutboxMessage> outboxMessage(long id) {
        return reader.outboxMessage(id);
    }

    /** The message went through; {@code remoteId} is the chat service's id for it (Slack's ts), kept for edits. */
    public void markDelivered(long id, String remoteId) {
        mark(id, "delivered", remoteId, null, null);
    }

    /** The attempt failed; try again not before {@code nextAttemptAt}. The message keeps its place in line. */
    public void markRetry(long id, Instant nextAttemptAt, String error) {
        mark(id, "pending", null, nextAttemptAt, error);
    }

    /** The chat service refused the message itself (retrying cannot help); it leaves the line so later ones go. */
    public void markFailed(long id, String error) {
        mark(id, "failed", null, null, error);
    }

    private void mark(long id, String status, String remoteId, Instant nextAttemptAt, String error) {
        long now = Micros.of(clock.instant());
        boolean changed = submit(new WriterTask.OutboxMark(id, status, remoteId,
                nextAttemptAt == null ? now : Micros.of(nextAttemptAt), error, now, new CompletableFuture<>()),
                WriterTask.OutboxMark::result);
        if (!changed) {
            throw new JournalException("outbox message " + id + " is not pending (unknown, or already delivered or failed)");
        }
    }

    /** The newest committed link of the audit chain (seq 0 and the genesis hash when it is empty). */
    public AuditHead auditHead() {
        return reader.auditHead();
    }

    /** This journal's id, also written into every checkpoint. */
    public String journalId() {
        return journalId;
    }

    public JournalOptions options() {
        return options;
    }

    /**
     * Commits what is queued, writes a final checkpoint and closes the file.
     *
     * @throws JournalException if the writer had failed (after closing anyway)
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        recordLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            enqueue(new WriterTask.Close(done));
        } finally {
            recordLock.unlock();
        }
        done.join();
        joinUninterruptibly(writerThread);
        subscribers.closeAll();
        try {
            reader.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal " + options.db() + ": " + e.getMessage(), e);
        }
        progress.throwIfFailed();
    }

    private <T extends WriterTask, R> R submit(T task, java.util.function.Function<T, CompletableFuture<R>> result) {
        recordLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("journal " + options.db() + " is closed");
            }
            progress.throwIfFailed();
            enqueue(task);
        } finally {
            recordLock.unlock();
        }
        try {
            return joinUninterruptibly(result.apply(task));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JournalException je) {
                throw new JournalException(je.getMessage(), je);
            }
            throw new JournalException("journal writer failed: " + e.getCause(), e.getCause());
        }
    }

    /** Back-pressure: waits for queue space. Not interruptible, because giving up would leave a chained link unwritten. */
    private void enqueue(WriterTask task) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(task);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <R> R joinUninterruptibly(CompletableFuture<R> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing to open; the original error is the one to report
            }
        }
    }
}
