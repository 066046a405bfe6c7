package dev.ringside.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The one thread that writes the journal file. It takes whatever has queued up, writes it in one
 * transaction (group commit; {@code synchronous=FULL} makes a commit durable), then tells waiters,
 * feeds subscribers and writes checkpoints that are due.
 *
 * <p>After a failure it keeps draining the queue, failing every task, so callers blocked on a full
 * queue are released and hear about the failure instead of hanging.
 */
final class JournalWriter implements Runnable {

    private static final int MAX_BATCH = 8192;

    private final Connection connection;
    private final BlockingQueue<WriterTask> queue;
    private final WriterProgress progress;
    private final Subscribers subscribers;
    private final CheckpointStore checkpoints;
    private final String journalId;
    private final Clock clock;
    private final int checkpointEvery;

    private final PreparedStatement insertEvent;
    private final PreparedStatement insertLink;
    private final PreparedStatement upsertRun;
    private final PreparedStatement insertClaim;
    private final PreparedStatement insertOutbox;
    private final PreparedStatement markOutbox;

    private long headSeq;
    private byte[] headHash;
    private long checkpointedSeq;

    JournalWriter(Connection connection, BlockingQueue<WriterTask> queue, WriterProgress progress,
                  Subscribers subscribers, CheckpointStore checkpoints, String journalId, Clock clock,
                  int checkpointEvery, long headSeq, byte[] headHash) throws SQLException {
        this.connection = connection;
        this.queue = queue;
        this.progress = progress;
        this.subscribers = subscribers;
        this.checkpoints = checkpoints;
        this.journalId = journalId;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.headSeq = headSeq;
        this.headHash = headHash;
        this.checkpointedSeq = headSeq;
        connection.setAutoCommit(false);
        insertEvent = connection.prepareStatement(
                "INSERT INTO trace_events (id, at_micros, run_id, agent, type, payload, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertLink = connection.prepareStatement(
                "INSERT INTO audit_links (seq, prev_hash, hash, at_micros, run_id, agent, type, event_id, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        upsertRun = connection.prepareStatement("""
                INSERT INTO runs (run_id, agent, runbook, started_micros, last_micros, ended_micros, outcome, event_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id) DO UPDATE SET
                  runbook = coalesce(excluded.runbook, runbook),
                  last_micros = max(last_micros, excluded.last_micros),
                  ended_micros = coalesce(excluded.ended_micros, ended_micros),
                  outcome = coalesce(excluded.outcome, outcome),
                  event_count = event_count + excluded.event_count""");
        insertClaim = connection.prepareStatement(
                "INSERT INTO executions (digest, request_id, claimed_micros) VALUES (?, ?, ?) ON CONFLICT (digest) DO NOTHING");
        insertOutbox = connection.prepareStatement("INSERT INTO outbox (kind, channel, payload, created_micros,"
                + " next_attempt_micros) VALUES (?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
        markOutbox = connection.prepareStatement("""
                UPDATE outbox SET status = ?, slack_ts = coalesce(?, slack_ts), next_attempt_micros = ?, last_error = ?,
                  done_micros = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'pending'""");
    }

    @Override
    public void run() {
        List<WriterTask> batch = new ArrayList<>(MAX_BATCH);
        boolean closing = false;
        while (!closing) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends this thread, through a Close task
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            closing = batch.stream().anyMatch(t -> t instanceof WriterTask.Close);
            if (progress.failed()) {
                failAll(batch);
                continue;
            }
            try {
                write(batch);
            } catch (Throwable t) {
                rollbackQuietly();
                progress.fail(t);
                failAll(batch);
            }
        }
        closeQuietly();
        for (WriterTask task : batch) {
            if (task instanceof WriterTask.Close close) {
                close.result().complete(null);
            }
        }
    }

    private void write(List<WriterTask> batch) throws SQLException {
        Batch pending = new Batch();
        Map<WriterTask.Claim, Boolean> claims = new LinkedHashMap<>();
        Map<WriterTask.Prune, Long> prunes = new LinkedHashMap<>();
        Map<WriterTask.OutboxEnqueue, Long> enqueued = new LinkedHashMap<>();
        Map<WriterTask.OutboxMark, Boolean> marked = new LinkedHashMap<>();
        List<WriterTask.WriteCheckpoint> checkpointRequests = new ArrayList<>();
        boolean closing = false;
        for (WriterTask task : batch) {
            switch (task) {
                case WriterTask.Append append -> pending.add(append.entry());
                case WriterTask.Claim claim -> claims.put(claim, claim(claim));
                case WriterTask.Prune prune -> {
                    pending.flush(); // earlier events first, so the prune sees them
                    prunes.put(prune, prune(prune.cutoffMicros()));
                }
                case WriterTask.WriteCheckpoint request -> checkpointRequests.add(request);
                case WriterTask.OutboxEnqueue add -> enqueued.put(add, enqueue(add));
                case WriterTask.OutboxMark mark -> marked.put(mark, mark(mark));
                case WriterTask.Close ignored -> closing = true;
            }
        }
        pending.flush();
        connection.commit();

        claims.forEach((claim, first) -> claim.result().complete(first));
        prunes.forEach((prune, deleted) -> prune.result().complete(deleted));
        enqueued.forEach((add, id) -> add.result().complete(id));
        marked.forEach((mark, changed) -> mark.result().complete(changed));
        if (pending.lastLink != null) {
            headSeq = pending.lastLink.seq();
            headHash = pending.lastLink.hash();
        }
        if (!pending.entries.isEmpty()) {
            progress.advance(pending.entries.getLast().id());
            subscribers.publish(pending.entries.stream().map(PendingEntry::toEntry).toList());
        }
        if (!checkpointRequests.isEmpty() || closing || headSeq - checkpointedSeq >= checkpointEvery) {
            Checkpoint checkpoint = writeCheckpoint();
            checkpointRequests.forEach(request -> request.result().complete(checkpoint));
        }
    }

    private boolean claim(WriterTask.Claim claim) throws SQLException {
        insertClaim.setString(1, claim.digest());
        insertClaim.setString(2, claim.requestId());
        insertClaim.setLong(3, claim.atMicros());
        return insertClaim.executeUpdate() == 1;
    }

    private long enqueue(WriterTask.OutboxEnqueue add) throws SQLException {
        insertOutbox.setString(1, add.kind());
        insertOutbox.setString(2, add.channel());
        insertOutbox.setString(3, add.payloadJson());
        insertOutbox.setLong(4, add.atMicros());
        insertOutbox.setLong(5, add.atMicros());
        insertOutbox.executeUpdate();
        try (var keys = insertOutbox.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private boolean mark(WriterTask.OutboxMark mark) throws SQLException {
        boolean done = !mark.status().equals("pending");
        markOutbox.setString(1, mark.status());
        markOutbox.setString(2, mark.slackTs());
        markOutbox.setLong(3, mark.nextAttemptMicros());
        markOutbox.setString(4, mark.error());
        if (done) {
            markOutbox.setLong(5, mark.atMicros());
        } else {
            markOutbox.setNull(5, java.sql.Types.INTEGER);
        }
        markOutbox.setLong(6, mark.id());
        return markOutbox.executeUpdate() == 1;
    }

    private long prune(long cutoffMicros) throws SQLException {
        long deleted;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM trace_events WHERE at_micros < ?");
             PreparedStatement dropRuns = connection.prepareStatement("DELETE FROM runs WHERE last_micros < ?");
             PreparedStatement recount = connection.prepareStatement("""
                     UPDATE runs SET event_count = (SELECT count(*) FROM trace_events t WHERE t.run_id = runs.run_id)
                     WHERE started_micros < ?""")) {
            delete.setLong(1, cutoffMicros);
            deleted = delete.executeLargeUpdate();
            dropRuns.setLong(1, cutoffMicros);
            dropRuns.executeUpdate();
            recount.setLong(1, cutoffMicros);
            recount.executeUpdate();
        }
        return deleted;
    }

    private Checkpoint writeCheckpoint() throws SQLException {
        Checkpoint checkpoint = new Checkpoint(journalId, headSeq, HexFormat.of().formatHex(headHash), headSeq,
                Micros.toInstant(Micros.of(clock.instant())), JournalSchema.triggersDigest(connection));
        connection.commit(); // end the read transaction the trigger query opened
        checkpoints.write(checkpoint);
        checkpointedSeq = headSeq;
        return checkpoint;
    }

    private void failAll(List<WriterTask> batch) {
        JournalException failure;
        try {
            progress.throwIfFailed();
            return;
        } catch (JournalException e) {
            failure = e;
        }
        for (WriterTask task : batch) {
            switch (task) {
                case WriterTask.Append ignored -> { }
                case WriterTask.Claim claim -> claim.result().completeExceptionally(failure);
                case WriterTask.Prune prune -> prune.result().completeExceptionally(failure);
                case WriterTask.WriteCheckpoint request -> request.result().completeExceptionally(failure);
                case WriterTask.OutboxEnqueue add -> add.result().completeExceptionally(failure);
                case WriterTask.OutboxMark mark -> mark.result().completeExceptionally(failure);
                case WriterTask.Close ignored -> { } // completed when the thread ends
            }
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the original failure is what matters and is already being reported
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            progress.fail(e);
        }
    }

    /** Rows of one transaction, bound into JDBC batches. */
    private final class Batch {
        private final List<PendingEntry> entries = new ArrayList<>();
        private AuditLink lastLink;
        private final Map<String, RunDelta> runs = new LinkedHashMap<>();
        private int unflushedEvents;
        private int unflushedLinks;

        void add(PendingEntry e) throws SQLException {
            insertEvent.setLong(1, e.id());
            insertEvent.setLong(2, e.atMicros());
            insertEvent.setString(3, e.runId());
            insertEvent.setString(4, e.agent());
            insertEvent.setString(5, e.type());
            insertEvent.setString(6, e.payload());
            if (e.link() != null) {
                insertEvent.setLong(7, e.link().seq());
                insertLink.setLong(1, e.link().seq());
                insertLink.setBytes(2, e.link().prevHash());
                insertLink.setBytes(3, e.link().hash());
                insertLink.setLong(4, e.atMicros());
                insertLink.setString(5, e.runId());
                insertLink.setString(6, e.agent());
                insertLink.setString(7, e.type());
                insertLink.setLong(8, e.id());
                insertLink.setString(9, e.payload());
                insertLink.addBatch();
                unflushedLinks++;
                lastLink = e.link();
            } else {
                insertEvent.setNull(7, java.sql.Types.INTEGER);
            }
            insertEvent.addBatch();
            unflushedEvents++;
            runs.computeIfAbsent(e.runId(), id -> new RunDelta(e.agent(), e.atMicros())).add(e);
            entries.add(e);
        }

        void flush() throws SQLException {
            if (unflushedEvents > 0) {
                insertEvent.executeBatch();
                unflushedEvents = 0;
            }
            if (unflushedLinks > 0) {
                insertLink.executeBatch();
                unflushedLinks = 0;
            }
            for (Map.Entry<String, RunDelta> run : runs.entrySet()) {
                run.getValue().bind(run.getKey(), upsertRun);
                upsertRun.addBatch();
            }
            if (!runs.isEmpty()) {
                upsertRun.executeBatch();
                runs.clear();
            }
        }
    }

    /** What one transaction adds to a run's summary row. */
    private static final class RunDelta {
        private final String agent;
        private final long firstMicros;
        private long lastMicros;
        private long count;
        private String runbook;
        private Long endedMicros;
        private String outcome;

        RunDelta(String agent, long firstMicros) {
            this.agent = agent;
            this.firstMicros = firstMicros;
        }

        void add(PendingEntry e) {
            lastMicros = e.atMicros();
            count++;
            switch (e.event()) {
                case TraceEvent.RunStarted started -> runbook = started.runbook();
                case TraceEvent.RunEnded ended -> {
                    endedMicros = e.atMicros();
                    outcome = ended.outcome();
                }
                default -> { }
            }
        }

        void bind(String runId, PreparedStatement upsert) throws SQLException {
            upsert.setString(1, runId);
            upsert.setString(2, agent);
            upsert.setString(3, runbook);
            upsert.setLong(4, firstMicros);
            upsert.setLong(5, lastMicros);
            if (endedMicros != null) {
                upsert.setLong(6, endedMicros);
            } else {
                upsert.setNull(6, java.sql.Types.INTEGER);
            }
            upsert.setString(7, outcome);
            upsert.setLong(8, count);
        }
    }
}
