package dev.ringside.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A statement, signed and kept outside the database, of what the audit chain looked like at one
 * moment. A later copy of the journal must contain this exact link; an older copy, a shortened
 * chain or a recomputed one cannot.
 *
 * @param journalId      the journal this checkpoint belongs to
 * @param seq            seq of the head link (0 before the first link)
 * @param headHash       hex hash of that link (64 zeros before the first link)
 * @param links          number of links in the chain (equal to seq: seq starts at 1 with no gaps)
 * @param at             when the checkpoint was written
 * @param triggersDigest hex SHA-256 of the guard triggers' SQL as installed in the file
 */
public record Checkpoint(String journalId, long seq, String headHash, long links, Instant at, String triggersDigest) {

    /** The exact bytes that are signed: this record as canonical JSON. */
    byte[] signedBytes() {
        StringBuilder out = new StringBuilder(256).append("{\"at\":");
        CanonicalJson.appendString(at.toString(), out);
        out.append(",\"headHash\":");
        CanonicalJson.appendString(headHash, out);
        out.append(",\"journalId\":");
        CanonicalJson.appendString(journalId, out);
        out.append(",\"links\":").append(links).append(",\"seq\":").append(seq).append(",\"triggersDigest\":");
        CanonicalJson.appendString(triggersDigest, out);
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
