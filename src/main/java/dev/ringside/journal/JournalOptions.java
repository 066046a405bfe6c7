package dev.ringside.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a journal. Start from {@link #at(Path)} and change what you need.
 *
 * @param db              the SQLite file
 * @param checkpointDir   where signed checkpoints and their key live; keep it outside the database
 *                        (default: {@code <db>.checkpoints} beside the file)
 * @param traceRetention  trace events older than this are removed by {@link Journal#pruneTraceEvents()};
 *                        audit links are kept forever
 * @param clock           source of event times
 * @param checkpointEvery write a checkpoint after this many new audit links (also on request and on close)
 * @param queueCapacity   events that may wait for the writer before {@link Journal#record} blocks
 */
public record JournalOptions(Path db, Path checkpointDir, Duration traceRetention, Clock clock,
                             int checkpointEvery, int queueCapacity) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    public static final int DEFAULT_CHECKPOINT_EVERY = 1000;
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    public JournalOptions {
        Objects.requireNonNull(db, "db");
        checkpointDir = checkpointDir != null ? checkpointDir : defaultCheckpointDir(db);
        Objects.requireNonNull(traceRetention, "traceRetention");
        Objects.requireNonNull(clock, "clock");
        if (traceRetention.isNegative()) {
            throw new IllegalArgumentException("traceRetention must not be negative: " + traceRetention);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1: " + checkpointEvery);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
    }

    /** Defaults for the journal file {@code db}. */
    public static JournalOptions at(Path db) {
        return new JournalOptions(db, null, DEFAULT_RETENTION, Clock.systemUTC(), DEFAULT_CHECKPOINT_EVERY,
                DEFAULT_QUEUE_CAPACITY);
    }

    /** The directory checkpoints go to when none is given: {@code <db file name>.checkpoints} beside it. */
    public static Path defaultCheckpointDir(Path db) {
        Path absolute = db.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".checkpoints");
    }

    public JournalOptions withCheckpointDir(Path dir) {
        return new JournalOptions(db, dir, traceRetention, clock, checkpointEvery, queueCapacity);
    }

    public JournalOptions withTraceRetention(Duration retention) {
        return new JournalOptions(db, checkpointDir, retention, clock, checkpointEvery, queueCapacity);
    }

    public JournalOptions withClock(Clock newClock) {
        return new JournalOptions(db, checkpointDir, traceRetention, newClock, checkpointEvery, queueCapacity);
    }

    public JournalOptions withCheckpointEvery(int links) {
        return new JournalOptions(db, checkpointDir, traceRetention, clock, links, queueCapacity);
    }

    public JournalOptions withQueueCapacity(int capacity) {
        return new JournalOptions(db, checkpointDir, traceRetention, clock, checkpointEvery, capacity);
    }
}
