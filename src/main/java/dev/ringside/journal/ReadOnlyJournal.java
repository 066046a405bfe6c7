package dev.ringside.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A journal file opened for reading only: its runs and their events, for replay and export. It
 * never writes, migrates or checkpoints, so it is safe on a copy from another machine and beside
 * the cockpit's own writer (WAL lets both read while one writes).
 */
public final class ReadOnlyJournal implements RunReader, AutoCloseable {

    private final Path db;
    private final JournalReader reader;

    private ReadOnlyJournal(Path db, JournalReader reader) {
        this.db = db;
        this.reader = reader;
    }

    /**
     * @throws JournalException naming the file when it is missing, not a Ringside journal, or of a
     *                          newer schema than this Ringside reads
     */
    public static ReadOnlyJournal open(Path db) {
        if (!Files.isRegularFile(db)) {
            throw new JournalException("no journal file at " + db);
        }
        try {
            Connection connection = JournalSchema.connectReadOnly(db);
            try {
                checkIsAJournal(connection, db);
                return new ReadOnlyJournal(db, new JournalReader(connection));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException(db + " is not a Ringside journal (" + e.getMessage() + ").", e);
        }
    }

    private static void checkIsAJournal(Connection connection, Path db) throws SQLException {
        if (!JournalSchema.FORMAT.equals(JournalSchema.meta(connection, "format"))) {
            throw new JournalException(db + " is an SQLite database but not a Ringside journal.");
        }
        String version = JournalSchema.meta(connection, "schema_version");
        if (version == null || !version.matches("\\d{1,9}") || Integer.parseInt(version) > JournalSchema.VERSION) {
            throw new JournalException(db + " is a Ringside journal of schema version " + version
                    + "; this Ringside reads up to version " + JournalSchema.VERSION + ". Use a matching Ringside release.");
        }
    }

    /** Every run with events in the file, oldest first. */
    public List<RunSummary> runs() {
        return reader.runs();
    }

    @Override
    public List<JournalEntry> readRun(String runId, long afterId, int limit) {
        return reader.readRun(runId, afterId, limit);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close " + db + ": " + e.getMessage(), e);
        }
    }
}
