package dev.ringside.journal;

/**
 * The outcome of {@link AuditVerifier#verify}.
 *
 * @param ok       true when the chain is intact and agrees with every signed checkpoint
 * @param entries  links in the chain (as far as it could be read)
 * @param brokenAt seq of the first bad link, or 0 when the problem is not one link (triggers, checkpoints)
 * @param reason   what is wrong, for a person; empty when ok
 */
public record AuditReport(boolean ok, long entries, long brokenAt, String reason) {

    static AuditReport intact(long entries) {
        return new AuditReport(true, entries, 0, "");
    }

    static AuditReport brokenAt(long entries, long seq, String reason) {
        return new AuditReport(false, entries, seq, reason);
    }

    static AuditReport broken(long entries, String reason) {
        return new AuditReport(false, entries, 0, reason);
    }

    /** The line the CLI prints, e.g. {@code audit: OK, 120 entries} or {@code audit: BROKEN at entry 42: …}. */
    public String message() {
        if (ok) {
            // the wording is a command-line contract (DESIGN.md): always "N entries"
            return "audit: OK, " + entries + " entries";
        }
        return brokenAt > 0 ? "audit: BROKEN at entry " + brokenAt + ": " + reason : "audit: BROKEN: " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
