package dev.ringside.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampers with real journal files the way an attacker with write access would (plain JDBC,
 * dropping the guard triggers first) and checks that verification names the damage.
 */
class AuditVerifierTest {

    private static final int LINKS = 20;
    private static final int CHECKPOINT_EVERY = 10;

    @TempDir
    Path dir;

    private Path db;
    private Path checkpoints;

    @BeforeEach
    void journalWithTwentyLinksAndCheckpoints() {
        db = dir.resolve("journal.db");
        checkpoints = JournalOptions.defaultCheckpointDir(db);
        appendLinks(LINKS);
    }

    @Test
    void anIntactChainVerifies() {
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).isEqualTo(LINKS);
        assertThat(report.message()).isEqualTo("audit: OK, 20 entries");
    }

    @Test
    void anIntactChainOfTenThousandLinksReportsTheRightCount() {
        appendLinks(10_000 - LINKS);
        assertThat(AuditVerifier.verify(db, checkpoints).message()).isEqualTo("audit: OK, 10000 entries");
    }

    @Test
    void aChainContinuedAcrossReopeningVerifies() {
        appendLinks(5);
        assertThat(AuditVerifier.verify(db).message()).isEqualTo("audit: OK, 25 entries");
    }

    @ParameterizedTest(name = "editing {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "at_micros | at_micros + 1",
            "run_id | 'run-other'",
            "agent | 'mallory'",
            "type | 'decision_made_x'",
            "event_id | event_id + 1",
            "payload | replace(payload, 'deny', 'allow')",
            "hash | randomblob(32)",
    })
    void anEditedFieldIsCaughtAtThatEntry(String column, String newValue) throws SQLException {
        tamper("UPDATE audit_links SET " + column + " = " + newValue + " WHERE seq = 7");
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).isEqualTo("audit: BROKEN at entry 7: hash does not match its contents (row edited)");
    }

    @Test
    void anEditedPrevHashIsCaughtAsABrokenLink() throws SQLException {
        tamper("UPDATE audit_links SET prev_hash = randomblob(32) WHERE seq = 7");
        assertThat(AuditVerifier.verify(db, checkpoints).message())
                .startsWith("audit: BROKEN at entry 7: does not link to entry 6");
    }

    @Test
    void aDeletedRowIsCaught() throws SQLException {
        tamper("DELETE FROM audit_links WHERE seq = 5");
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.brokenAt()).isEqualTo(5);
        assertThat(report.message()).isEqualTo("audit: BROKEN at entry 5: missing (row deleted; the next entry found is 6)");
    }

    @Test
    void reorderedRowsAreCaught() throws SQLException {
        // Swap everything but seq between entries 5 and 6, so the rows appear in the other order.
        tamper("CREATE TEMP TABLE swap AS SELECT * FROM audit_links WHERE seq IN (5, 6)",
                "DELETE FROM audit_links WHERE seq IN (5, 6)",
                "INSERT INTO audit_links SELECT 11 - seq, prev_hash, hash, at_micros, run_id, agent, type, event_id,"
                        + " payload FROM swap");
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).isEqualTo("audit: BROKEN at entry 5: does not link to entry 4 (rows reordered, replaced or inserted)");
    }

    @Test
    void aTruncatedTailIsCaughtByTheCheckpoints() throws SQLException {
        tamper("DELETE FROM audit_links WHERE seq > 17");
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).startsWith("audit: BROKEN at entry 18: missing, but the signed checkpoint of")
                .contains("records 20 entries (tail truncated, or an older copy of the file put back)");
    }

    @Test
    void aFullyRehashedChainIsCaughtByTheCheckpoints() throws SQLException {
        rewriteFrom(7, "deny", "allow");
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        // The first checkpoint at or after the edit (checkpoints fall on batch boundaries) is where it shows.
        assertThat(report.brokenAt()).isBetween(7L, (long) LINKS);
        assertThat(report.message()).contains("differs from the signed checkpoint")
                .contains("chain rewritten after entry 0");
    }

    @Test
    void aRehashedChainPassesTheChainCheckSoOnlyTheCheckpointsCatchIt() throws SQLException {
        rewriteFrom(7, "deny", "allow");
        Path elsewhere = dir.resolve("fresh-checkpoints");
        // Without the real checkpoints the forgery is internally consistent; this is why they live outside the file.
        assertThat(AuditVerifier.verify(db, elsewhere).message()).startsWith("audit: BROKEN: no signed checkpoints");
    }

    @Test
    void anOlderCopyOfTheFilePutBackIsCaught() throws Exception {
        Path backup = dir.resolve("backup.db");
        Files.copy(db, backup);
        appendLinks(15);
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).startsWith("audit: BROKEN at entry 21: missing")
                .contains("records 35 entries");
    }

    @Test
    void anOlderCopyWrittenOnAgainIsCaughtByTheCheckpointItContradicts() throws Exception {
        Path backup = dir.resolve("backup.db");
        Files.copy(db, backup);
        appendLinks(15);
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
        appendLinks(15); // same length as before, different content
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("differs from the signed checkpoint");
    }

    @Test
    void droppedTriggersAreCaught() throws SQLException {
        tamper(); // drops the triggers and nothing else
        AuditReport report = AuditVerifier.verify(db, checkpoints);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).startsWith("audit: BROKEN: the guard triggers differ from the signed checkpoint")
                .contains("triggers dropped or altered; none are left");
    }

    @Test
    void anEditedCheckpointFailsItsSignature() throws Exception {
        Path file = checkpointFiles().getLast();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ((ObjectNode) json.get("checkpoint")).put("links", 999);
        Files.writeString(file, json.toString());
        assertThat(AuditVerifier.verify(db, checkpoints).message())
                .isEqualTo("audit: BROKEN: checkpoint " + file.getFileName() + " has an invalid signature (forged or edited)");
    }

    @Test
    void checkpointsOfAnotherJournalAreRejected() {
        Path otherDb = dir.resolve("other.db");
        try (Journal other = Journal.open(JournalOptions.at(otherDb))) {
            other.record("run", "a", new TraceEvent.ApprovalExpired("r", "d"));
        }
        AuditReport report = AuditVerifier.verify(db, JournalOptions.defaultCheckpointDir(otherDb));
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("belongs to journal").contains("not to this journal");
    }

    @Test
    void missingCheckpointsAreNotTakenAsProof() throws Exception {
        for (Path file : checkpointFiles()) {
            Files.delete(file);
        }
        assertThat(AuditVerifier.verify(db, checkpoints).message()).startsWith("audit: BROKEN: no signed checkpoints in");
    }

    @Test
    void theSigningKeyIsReadableByItsOwnerOnly() throws Exception {
        Path key = checkpoints.resolve(CheckpointKeys.PRIVATE_KEY_FILE);
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void anExplicitCheckpointCoversLinksRecordedSinceTheLastOne() throws SQLException {
        try (Journal journal = Journal.open(JournalOptions.at(db).withCheckpointEvery(1_000_000))) {
            journal.record("run", "a", new TraceEvent.KillStep("kill-1", "halt", "requested", ""));
            Checkpoint checkpoint = journal.checkpoint();
            assertThat(checkpoint.seq()).isEqualTo(LINKS + 1);
            assertThat(checkpoint.journalId()).isEqualTo(journal.journalId());
            tamper("DELETE FROM audit_links WHERE seq = " + (LINKS + 1)); // while the journal is still open
        }
        assertThat(AuditVerifier.verify(db, checkpoints).ok()).isFalse();
    }

    private void appendLinks(int count) {
        try (Journal journal = Journal.open(JournalOptions.at(db).withCheckpointEvery(CHECKPOINT_EVERY))) {
            for (int i = 0; i < count; i++) {
                journal.record("run-" + (i % 3), "crashloop-agent",
                        new TraceEvent.DecisionMade("call-" + i, "delete_pod", i % 2 == 0 ? "deny" : "allow", "ring", "r", "d" + i));
                journal.record("run-" + (i % 3), "crashloop-agent", new TraceEvent.ModelRequest("m", "not audited"));
            }
        }
    }

    private List<Path> checkpointFiles() throws Exception {
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")
                    && f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Drops every guard trigger, as an attacker would, then runs {@code statements}. */
    private void tamper(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String trigger : JournalSchema.TRIGGERS.keySet()) {
                s.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Edits payloads from {@code seq} on and recomputes every later hash consistently, then restores the triggers. */
    private void rewriteFrom(long seq, String from, String to) throws SQLException {
        tamper("UPDATE audit_links SET payload = replace(payload, '" + from + "', '" + to + "') WHERE seq >= " + seq);
        AuditLinkHasher hasher = new AuditLinkHasher();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             PreparedStatement update = c.prepareStatement("UPDATE audit_links SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            byte[] previous = AuditLinkHasher.GENESIS;
            try (ResultSet rs = s.executeQuery("SELECT seq, at_micros, run_id, agent, type, event_id, payload"
                    + " FROM audit_links ORDER BY seq")) {
                while (rs.next()) {
                    byte[] hash = hasher.hash(previous, rs.getLong(1), rs.getLong(2), utf8(rs.getString(3)),
                            utf8(rs.getString(4)), utf8(rs.getString(5)), rs.getLong(6), utf8(rs.getString(7)));
                    update.setBytes(1, previous);
                    update.setBytes(2, hash);
                    update.setLong(3, rs.getLong(1));
                    update.addBatch();
                    previous = hash;
                }
            }
            update.executeBatch();
            for (String ddl : JournalSchema.TRIGGERS.values()) {
                s.execute(ddl); // an attacker restores the triggers so the file looks untouched
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
