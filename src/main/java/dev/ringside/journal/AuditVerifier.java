package dev.ringside.journal;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a journal's audit chain, read-only, against itself and against its signed checkpoints.
 *
 * <p>The chain alone shows edited, deleted, inserted and reordered links. Only the checkpoints,
 * kept outside the file, show what a consistent rewrite cannot hide: a chain recomputed after an
 * edit, a truncated tail, an older copy of the file put back, and dropped or altered guard triggers.
 * Links after the newest checkpoint are covered by the chain only: a tail cut off there since the
 * last checkpoint is not detectable, which is why the journal checkpoints on close and on kill.
 */
public final class AuditVerifier {

    private static final String LINKS = "SELECT seq, prev_hash, hash, at_micros, run_id, agent, type, event_id, payload"
            + " FROM audit_links ORDER BY seq";

    private AuditVerifier() {
    }

    /** Verifies {@code db} against the checkpoints in the directory the journal writes them to by default. */
    public static AuditReport verify(Path db) {
        return verify(db, JournalOptions.defaultCheckpointDir(db));
    }

    /** Verifies {@code db} against the signed checkpoints in {@code checkpointDir}. Never modifies either. */
    public static AuditReport verify(Path db, Path checkpointDir) {
        if (!Files.isRegularFile(db)) {
            return AuditReport.broken(0, "no journal file at " + db);
        }
        try (Connection c = JournalSchema.connectReadOnly(db)) {
            return verify(c, db, checkpointDir);
        } catch (SQLException e) {
            return AuditReport.broken(0, "cannot read " + db + " as a journal: " + e.getMessage());
        }
    }

    private static AuditReport verify(Connection c, Path db, Path checkpointDir) throws SQLException {
        String journalId;
        try {
            if (!JournalSchema.FORMAT.equals(JournalSchema.meta(c, "format"))) {
                return AuditReport.broken(0, db + " is not a Ringside journal");
            }
            journalId = JournalSchema.meta(c, "journal_id");
        } catch (SQLException e) {
            return AuditReport.broken(0, db + " is not a Ringside journal (" + e.getMessage() + ")");
        }

        List<CheckpointStore.StoredCheckpoint> checkpoints;
        try {
            checkpoints = new CheckpointStore(checkpointDir).readAll();
        } catch (JournalException e) {
            return AuditReport.broken(0, e.getMessage());
        }
        AuditReport checkpointProblem = checkCheckpoints(checkpoints, checkpointDir, journalId);
        if (checkpointProblem != null) {
            return checkpointProblem;
        }

        ChainWalk walk = walkChain(c, checkpoints);
        if (walk.problem != null) {
            return walk.problem;
        }
        long entries = walk.entries;
        Checkpoint furthest = checkpoints.getLast().checkpoint();
        if (furthest.seq() > entries) {
            return AuditReport.brokenAt(entries, entries + 1, "missing, but the signed checkpoint of " + furthest.at()
                    + " records " + furthest.links() + " entries (tail truncated, or an older copy of the file put back)");
        }
        Checkpoint newest = checkpoints.stream().map(CheckpointStore.StoredCheckpoint::checkpoint)
                .max((a, b) -> a.at().compareTo(b.at())).orElseThrow();
        Map<String, String> triggers = JournalSchema.installedTriggers(c);
        if (!JournalSchema.digestOf(triggers).equals(newest.triggersDigest())) {
            return AuditReport.broken(entries, "the guard triggers differ from the signed checkpoint of " + newest.at()
                    + " (triggers dropped or altered" + (triggers.isEmpty() ? "; none are left" : "") + ")");
        }
        return AuditReport.intact(entries);
    }

    private static AuditReport checkCheckpoints(List<CheckpointStore.StoredCheckpoint> checkpoints, Path dir,
                                                String journalId) {
        if (checkpoints.isEmpty()) {
            return AuditReport.broken(0, "no signed checkpoints in " + dir
                    + " (deleted, or not the directory this journal writes to; pass --checkpoints)");
        }
        PublicKey key;
        try {
            key = CheckpointKeys.loadPublic(dir);
        } catch (IOException | GeneralSecurityException e) {
            return AuditReport.broken(0, "the checkpoint public key in " + dir + " is unreadable: " + e.getMessage());
        }
        if (key == null) {
            return AuditReport.broken(0, "the checkpoint public key " + dir.resolve(CheckpointKeys.PUBLIC_KEY_FILE)
                    + " is missing, so no checkpoint can be trusted");
        }
        for (CheckpointStore.StoredCheckpoint stored : checkpoints) {
            Checkpoint checkpoint = stored.checkpoint();
            if (!CheckpointKeys.verify(key, checkpoint.signedBytes(), stored.signature())) {
                return AuditReport.broken(0, "checkpoint " + stored.file().getFileName()
                        + " has an invalid signature (forged or edited)");
            }
            if (!checkpoint.journalId().equals(journalId)) {
                return AuditReport.broken(0, "checkpoint " + stored.file().getFileName() + " belongs to journal "
                        + checkpoint.journalId() + ", not to this journal " + journalId
                        + " (wrong checkpoint directory, or the journal file was replaced)");
            }
        }
        return null;
    }

    /** Streams every link once, recomputing hashes with one reused digest and buffer. */
    private static ChainWalk walkChain(Connection c, List<CheckpointStore.StoredCheckpoint> checkpoints)
            throws SQLException {
        long[] checkpointSeqs = checkpoints.stream().mapToLong(s -> s.checkpoint().seq()).toArray();
        byte[][] checkpointHashes = checkpoints.stream()
                .map(s -> HexFormat.of().parseHex(s.checkpoint().headHash())).toArray(byte[][]::new);
        int nextCheckpoint = 0;
        while (nextCheckpoint < checkpointSeqs.length && checkpointSeqs[nextCheckpoint] == 0) {
            nextCheckpoint++; // the genesis checkpoint vouches for the journal id and triggers only
        }
        AuditLinkHasher hasher = new AuditLinkHasher();
        byte[] previous = AuditLinkHasher.GENESIS.clone();
        byte[] computed = new byte[AuditLinkHasher.HASH_LENGTH];
        long lastCheckpointed = 0;
        long expected = 1;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LINKS)) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expected) {
                    return ChainWalk.problem(AuditReport.brokenAt(expected - 1, expected,
                            "missing (row deleted; the next entry found is " + seq + ")"));
                }
                if (!Arrays.equals(rs.getBytes(2), previous)) {
                    return ChainWalk.problem(AuditReport.brokenAt(seq - 1, seq, "does not link to entry " + (seq - 1)
                            + " (rows reordered, replaced or inserted)"));
                }
                hasher.hash(previous, seq, rs.getLong(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7),
                        rs.getLong(8), rs.getBytes(9), computed);
                if (!Arrays.equals(rs.getBytes(3), computed)) {
                    return ChainWalk.problem(AuditReport.brokenAt(seq - 1, seq,
                            "hash does not match its contents (row edited)"));
                }
                while (nextCheckpoint < checkpointSeqs.length && checkpointSeqs[nextCheckpoint] == seq) {
                    if (!Arrays.equals(checkpointHashes[nextCheckpoint], computed)) {
                        return ChainWalk.problem(AuditReport.brokenAt(seq - 1, seq, "differs from the signed checkpoint of "
                                + checkpoints.get(nextCheckpoint).checkpoint().at() + " (chain rewritten after entry "
                                + lastCheckpointed + "; hashes were recomputed to hide it)"));
                    }
                    lastCheckpointed = seq;
                    nextCheckpoint++;
                }
                byte[] swap = previous;
                previous = computed;
                computed = swap;
                expected++;
            }
        }
        return new ChainWalk(expected - 1, null);
    }

    private record ChainWalk(long entries, AuditReport problem) {
        static ChainWalk problem(AuditReport report) {
            return new ChainWalk(report.entries(), report);
        }
    }
}
