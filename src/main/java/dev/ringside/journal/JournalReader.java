package dev.ringside.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads for replay and for subscribers catching up, on its own connection (WAL lets it read while
 * the writer commits). Every query walks an index from a cursor, so a page costs the same at the
 * start and at the end of a run with a million events.
 */
final class JournalReader implements AutoCloseable {

    private static final String COLUMNS = "SELECT id, at_micros, run_id, agent, type, payload FROM trace_events ";
    static final String BY_RUN = COLUMNS + "WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?";
    static final String BY_TIME = COLUMNS + "INDEXED BY trace_events_by_time"
            + " WHERE at_micros >= ? AND at_micros < ? AND id > ? ORDER BY at_micros, id LIMIT ?";
    static final String AFTER = COLUMNS + "WHERE id > ? ORDER BY id LIMIT ?";

    private final Connection connection;

    JournalReader(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = 1");
        }
    }

    synchronized List<JournalEntry> readRun(String runId, long afterId, int limit) {
        return query(BY_RUN, runId, afterId, limit);
    }

    /**
     * Entries with {@code fromMicros <= at < toMicros} and id after {@code afterId}. Times never go
     * backwards in record order, so the cursor's own time is a valid lower bound for the index seek.
     */
    synchronized List<JournalEntry> readBetween(long fromMicros, long toMicros, long afterId, int limit) {
        long lower = Math.max(fromMicros, timeOf(afterId));
        return query(BY_TIME, lower, toMicros, afterId, limit);
    }

    synchronized List<JournalEntry> readAfter(long afterId, int limit) {
        return query(AFTER, afterId, limit);
    }

    synchronized List<RunSummary> runs() {
        List<RunSummary> runs = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT run_id, agent, runbook, started_micros, ended_micros, outcome,"
                     + " event_count FROM runs ORDER BY started_micros, run_id")) {
            while (rs.next()) {
                long ended = rs.getLong(5);
                boolean running = rs.wasNull();
                runs.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        Micros.toInstant(rs.getLong(4)), running ? null : Micros.toInstant(ended),
                        rs.getString(6), rs.getLong(7)));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot list runs: " + e.getMessage(), e);
        }
        return runs;
    }

    private static final String OUTBOX_COLUMNS = "SELECT id, kind, channel, payload, status, attempts,"
            + " next_attempt_micros, last_error, slack_ts FROM outbox ";

    synchronized List<OutboxMessage> outboxPending(int limit) {
        return outbox(OUTBOX_COLUMNS + "WHERE status = 'pending' ORDER BY id LIMIT ?", limit);
    }

    synchronized java.util.Optional<OutboxMessage> outboxMessage(long id) {
        return outbox(OUTBOX_COLUMNS + "WHERE id = ?", id).stream().findFirst();
    }

    synchronized AuditHead auditHead() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_links ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new AuditHead(rs.getLong(1), java.util.HexFormat.of().formatHex(rs.getBytes(2)))
                    : new AuditHead(0, java.util.HexFormat.of().formatHex(AuditLinkHasher.GENESIS));
        } catch (SQLException e) {
            throw new JournalException("cannot read the audit chain's head: " + e.getMessage(), e);
        }
    }

    private List<OutboxMessage> outbox(String sql, Object param) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setObject(1, param);
            List<OutboxMessage> messages = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    messages.add(new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), Micros.toInstant(rs.getLong(7)), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new JournalException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    private long timeOf(long id) {
        try (PreparedStatement p = connection.prepareStatement("SELECT at_micros FROM trace_events WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    private List<JournalEntry> query(String sql, Object... params) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(5);
                    entries.add(new JournalEntry(rs.getLong(1), Micros.toInstant(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), EventCodec.decode(type, rs.getString(6))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
