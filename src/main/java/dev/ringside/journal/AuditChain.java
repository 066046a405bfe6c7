package dev.ringside.journal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The head of the audit chain as the writer side sees it. Appending assigns the next seq and
 * computes the link hash; callers serialise appends (the journal does it under its record lock),
 * which is what fixes the order of links.
 */
final class AuditChain {

    private final AuditLinkHasher hasher = new AuditLinkHasher();
    private long seq;
    private byte[] head;

    private AuditChain(long seq, byte[] head) {
        this.seq = seq;
        this.head = head;
    }

    /** Continues the chain stored in the journal. */
    static AuditChain load(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_links ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new AuditChain(rs.getLong(1), rs.getBytes(2)) : new AuditChain(0, AuditLinkHasher.GENESIS);
        }
    }

    long seq() {
        return seq;
    }

    byte[] headHash() {
        return head;
    }

    AuditLink append(long eventId, long atMicros, String runId, String agent, String type, String payload) {
        long next = seq + 1;
        byte[] hash = hasher.hash(head, next, atMicros, utf8(runId), utf8(agent), utf8(type), eventId, utf8(payload));
        AuditLink link = new AuditLink(next, head, hash);
        seq = next;
        head = hash;
        return link;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
