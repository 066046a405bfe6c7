package dev.ringside.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * Tables, indexes and guard triggers of a journal file, and the check that a file is one.
 *
 * <p>The triggers are the database's half of tamper evidence: they stop honest mistakes and
 * casual edits. Someone who can drop them can do anything, which is why the trigger SQL is also
 * digested into every signed checkpoint.
 */
final class JournalSchema {

    static final String FORMAT = "ringside-journal";
    static final int VERSION = 2;

    /** Version 2 added the Slack outbox; a version 1 file is migrated in place when opened. */
    private static final String OUTBOX_TABLE = """
            CREATE TABLE outbox (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              channel TEXT NOT NULL,
              payload TEXT NOT NULL,
              created_micros INTEGER NOT NULL,
              status TEXT NOT NULL DEFAULT 'pending',
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_micros INTEGER NOT NULL,
              last_error TEXT,
              done_micros INTEGER,
              slack_ts TEXT)""";

    private static final List<String> TABLES = List.of(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            // AUTOINCREMENT so ids are never reused after retention deleted the newest rows.
            """
            CREATE TABLE trace_events (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at_micros INTEGER NOT NULL,
              run_id TEXT NOT NULL,
              agent TEXT NOT NULL,
              type TEXT NOT NULL,
              payload TEXT NOT NULL,
              audit_seq INTEGER)""",
            "CREATE INDEX trace_events_by_run ON trace_events (run_id, id)",
            "CREATE INDEX trace_events_by_time ON trace_events (at_micros, id)",
            """
            CREATE TABLE audit_links (
              seq INTEGER PRIMARY KEY,
              prev_hash BLOB NOT NULL,
              hash BLOB NOT NULL,
              at_micros INTEGER NOT NULL,
              run_id TEXT NOT NULL,
              agent TEXT NOT NULL,
              type TEXT NOT NULL,
              event_id INTEGER NOT NULL,
              payload TEXT NOT NULL)""",
            """
            CREATE TABLE runs (
              run_id TEXT PRIMARY KEY,
              agent TEXT NOT NULL,
              runbook TEXT,
              started_micros INTEGER NOT NULL,
              last_micros INTEGER NOT NULL,
              ended_micros INTEGER,
              outcome TEXT,
              event_count INTEGER NOT NULL)""",
            """
            CREATE TABLE executions (
              digest TEXT PRIMARY KEY,
              request_id TEXT NOT NULL,
              claimed_micros INTEGER NOT NULL)""",
            OUTBOX_TABLE,
            "CREATE INDEX outbox_by_status ON outbox (status, id)");

    /** Trigger name → exact SQL; sqlite_master keeps the text verbatim, so it can be compared. */
    static final Map<String, String> TRIGGERS = triggers();

    private static Map<String, String> triggers() {
        Map<String, String> t = new TreeMap<>();
        t.put("audit_links_no_update", """
                CREATE TRIGGER audit_links_no_update BEFORE UPDATE ON audit_links
                BEGIN SELECT RAISE(ABORT, 'audit links are append-only: UPDATE refused'); END""");
        t.put("audit_links_no_delete", """
                CREATE TRIGGER audit_links_no_delete BEFORE DELETE ON audit_links
                BEGIN SELECT RAISE(ABORT, 'audit links are append-only: DELETE refused'); END""");
        // Also defeats INSERT OR REPLACE: a replacing row reuses an existing seq, which is never max+1,
        // and SQLite would not fire the delete trigger for it without recursive_triggers.
        t.put("audit_links_append_only", """
                CREATE TRIGGER audit_links_append_only BEFORE INSERT ON audit_links
                WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_links)
                  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_links ORDER BY seq DESC LIMIT 1), zeroblob(32))
                BEGIN SELECT RAISE(ABORT, 'audit links are append-only: seq must be the next number and prev_hash the last link''s hash'); END""");
        t.put("trace_events_no_update", """
                CREATE TRIGGER trace_events_no_update BEFORE UPDATE ON trace_events
                BEGIN SELECT RAISE(ABORT, 'trace events are immutable: UPDATE refused'); END""");
        t.put("trace_events_append_only", """
                CREATE TRIGGER trace_events_append_only BEFORE INSERT ON trace_events
                WHEN NEW.id <= coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'trace_events'), 0)
                BEGIN SELECT RAISE(ABORT, 'trace events are immutable: ids only grow (no INSERT OR REPLACE)'); END""");
        t.put("executions_no_update", """
                CREATE TRIGGER executions_no_update BEFORE UPDATE ON executions
                BEGIN SELECT RAISE(ABORT, 'execution claims are permanent: UPDATE refused'); END""");
        t.put("executions_no_delete", """
                CREATE TRIGGER executions_no_delete BEFORE DELETE ON executions
                BEGIN SELECT RAISE(ABORT, 'execution claims are permanent: DELETE refused'); END""");
        return Map.copyOf(t);
    }

    private JournalSchema() {
    }

    /** A connection with the pragmas every journal connection needs. */
    static Connection connect(Path db) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return connection;
    }

    /** A connection that SQLite itself keeps from writing: for readers of a journal that may not be this machine's. */
    static Connection connectReadOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /** Which journal a file is, and whether it was created just now. */
    record Identity(String journalId, boolean created) {
    }

    /**
     * Creates the schema in an empty file, or checks that an existing file is a journal this
     * version can write.
     */
    static Identity createOrCheck(Connection c, Path db, long nowMicros) throws SQLException {
        List<String> tables = tableNames(c, db);
        if (tables.isEmpty()) {
            return new Identity(create(c, nowMicros), true);
        }
        String format = tables.contains("meta") ? meta(c, "format") : null;
        if (!FORMAT.equals(format)) {
            throw new JournalException(db + " is not a Ringside journal (it holds other tables: " + tables
                    + "). Point --journal at a new file or an existing Ringside journal.");
        }
        String version = meta(c, "schema_version");
        if ("1".equals(version)) {
            migrateFrom1(c);
            version = meta(c, "schema_version");
        }
        if (!String.valueOf(VERSION).equals(version)) {
            throw new JournalException(db + " is a Ringside journal of schema version " + version
                    + "; this Ringside reads version " + VERSION + ". Use a matching Ringside release.");
        }
        Map<String, String> actual = installedTriggers(c);
        if (!actual.equals(TRIGGERS)) {
            throw new JournalException(db + ": the journal's guard triggers are missing or altered, so its audit"
                    + " chain may have been tampered with. Run `ringside audit verify --db " + db
                    + "` and keep this file as evidence; start a new journal file to continue.");
        }
        return new Identity(meta(c, "journal_id"), false);
    }

    /** Adds the outbox; nothing existing changes, so the triggers (and checkpoints' trigger digest) stay as they were. */
    private static void migrateFrom1(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(OUTBOX_TABLE);
            s.execute("CREATE INDEX outbox_by_status ON outbox (status, id)");
            s.execute("UPDATE meta SET value = '" + VERSION + "' WHERE key = 'schema_version'");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The highest trace event id ever used, including ids whose rows retention has removed. */
    static long lastEventId(Connection c) throws SQLException {
        return longQuery(c, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'trace_events'), 0)");
    }

    /** The latest time stamped on anything in the file, so new stamps never go backwards. */
    static long lastEventMicros(Connection c) throws SQLException {
        return Math.max(
                longQuery(c, "SELECT coalesce((SELECT max(at_micros) FROM trace_events), 0)"),
                longQuery(c, "SELECT coalesce((SELECT at_micros FROM audit_links ORDER BY seq DESC LIMIT 1), 0)"));
    }

    private static long longQuery(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tableNames(Connection c, Path db) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new JournalException(db + " is not a Ringside journal (not an SQLite database: " + e.getMessage()
                    + "). Point --journal at a new file or an existing Ringside journal.", e);
        }
    }

    private static String create(Connection c, long nowMicros) throws SQLException {
        String journalId = UUID.randomUUID().toString();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            c.setAutoCommit(false);
            for (String ddl : TABLES) {
                s.execute(ddl);
            }
            for (String ddl : TRIGGERS.values()) {
                s.execute(ddl);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (String[] kv : new String[][]{
                        {"format", FORMAT},
                        {"schema_version", String.valueOf(VERSION)},
                        {"journal_id", journalId},
                        {"created_micros", String.valueOf(nowMicros)}}) {
                    p.setString(1, kv[0]);
                    p.setString(2, kv[1]);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return journalId;
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static Map<String, String> installedTriggers(Connection c) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }

    /** Hex SHA-256 over the installed triggers' names and SQL, in name order. */
    static String triggersDigest(Connection c) throws SQLException {
        return digestOf(installedTriggers(c));
    }

    static String digestOf(Map<String, String> triggers) {
        MessageDigest sha = CanonicalJson.newSha256();
        new TreeMap<>(triggers).forEach((name, sql) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(sql.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }
}
