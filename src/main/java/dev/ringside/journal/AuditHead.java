package dev.ringside.journal;

/**
 * The newest committed link of the audit chain: its sequence number and hex hash. Posting it
 * somewhere the journal's owner cannot edit (a chat channel) witnesses the chain up to there.
 */
public record AuditHead(long seq, String hashHex) {
}
