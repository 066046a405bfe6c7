package dev.ringside.journal.replay;

import dev.ringside.journal.EventCodec;
import dev.ringside.journal.EventType;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * One recorded run, opened read-only for replay (also a journal file from another machine). Only
 * ids, times and types are held in memory (17 bytes an event), so a run of millions of events
 * opens fast; events themselves are read a window at a time. Replay reads recorded outputs only:
 * nothing here can execute anything.
 */
public final class ReplayIndex implements AutoCloseable {
    private static final EventType[] TYPES = EventType.values();

    private final Connection connection;
    private final String runId;
    private final long[] ids;
    private final long[] atMicros;
    private final byte[] types;
    private final PreparedStatement window;

    private ReplayIndex(Connection connection, String runId, long[] ids, long[] atMicros, byte[] types) throws SQLException {
        this.connection = connection;
        this.runId = runId;
        this.ids = ids;
        this.atMicros = atMicros;
        this.types = types;
        this.window = connection.prepareStatement("SELECT id, at_micros, agent, type, payload FROM trace_events "
                + "WHERE run_id = ? AND id >= ? ORDER BY id LIMIT ?");
    }

    public static ReplayIndex open(Path db, String runId) {
        if (!Files.isRegularFile(db)) throw new JournalException("no journal file at " + db);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
            int count = 0;
            long[] ids = new long[1024];
            long[] at = new long[1024];
            byte[] types = new byte[1024];
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, at_micros, type FROM trace_events WHERE run_id = ? ORDER BY id")) {
                s.setFetchSize(10_000);
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (count == ids.length) {
                            ids = Arrays.copyOf(ids, count * 2);
                            at = Arrays.copyOf(at, count * 2);
                            types = Arrays.copyOf(types, count * 2);
                        }
                        ids[count] = rs.getLong(1);
                        at[count] = rs.getLong(2);
                        types[count] = (byte) EventType.named(rs.getString(3)).ordinal();
                        count++;
                    }
                }
            }
            if (count == 0) throw new JournalException("no run '" + runId + "' in " + db);
            return new ReplayIndex(connection, runId, Arrays.copyOf(ids, count), Arrays.copyOf(at, count), Arrays.copyOf(types, count));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new JournalException("cannot read " + db + " as a journal: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public String runId() {
        return runId;
    }

    public int size() {
        return ids.length;
    }

    public Instant at(int index) {
        return micros(atMicros[index]);
    }

    public EventType type(int index) {
        return TYPES[types[index]];
    }

    public Instant start() {
        return at(0);
    }

    public Instant end() {
        return at(ids.length - 1);
    }

    /** The last event at or before {@code time} (0 before the start): where a scrubber lands. */
    public int indexAt(Instant time) {
        long t = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        int i = Arrays.binarySearch(atMicros, t);
        if (i < 0) i = -i - 2;
        else while (i + 1 < atMicros.length && atMicros[i + 1] == t) i++;
        return Math.max(0, Math.min(i, ids.length - 1));
    }

    /** The next event after {@code from} of one of {@code wanted}, or -1: "jump to the next decision". */
    public int next(int from, Set<EventType> wanted) {
        for (int i = from + 1; i < types.length; i++) if (wanted.contains(TYPES[types[i]])) return i;
        return -1;
    }

    /** The previous event before {@code from} of one of {@code wanted}, or -1. */
    public int previous(int from, Set<EventType> wanted) {
        for (int i = Math.min(from, types.length) - 1; i >= 0; i--) if (wanted.contains(TYPES[types[i]])) return i;
        return -1;
    }

    /** Events {@code [from, from + count)}, decoded from the recorded payloads. */
    public synchronized List<JournalEntry> window(int from, int count) {
        if (from < 0 || from >= ids.length || count <= 0) return List.of();
        List<JournalEntry> out = new ArrayList<>(Math.min(count, ids.length - from));
        try {
            window.setString(1, runId);
            window.setLong(2, ids[from]);
            window.setInt(3, count);
            try (ResultSet rs = window.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), micros(rs.getLong(2)), runId, rs.getString(3),
                            EventCodec.decode(rs.getString(4), rs.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read events of run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }

    @Override
    public void close() {
        try {
            window.close();
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close replay of " + runId + ": " + e.getMessage(), e);
        }
    }
}
