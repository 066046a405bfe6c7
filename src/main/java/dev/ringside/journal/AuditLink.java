package dev.ringside.journal;

/** The hash-chain part of an audit link: its number, the previous link's hash and its own. */
record AuditLink(long seq, byte[] prevHash, byte[] hash) {
}
