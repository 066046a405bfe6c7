package dev.ringside.slack;

import dev.ringside.journal.AuditHead;
import dev.ringside.journal.Journal;

/**
 * Posts the audit chain's head (seq and hash) to Slack, where whoever controls the journal file
 * cannot rewrite it: a later `ringside audit verify` must find the same link at that seq.
 */
final class AuditWitness {
    private final Journal journal;
    private final SlackOutbox outbox;

    AuditWitness(Journal journal, SlackOutbox outbox) {
        this.journal = journal;
        this.outbox = outbox;
    }

    void witness(String occasion) {
        AuditHead head = journal.auditHead();
        String text = "Audit chain head of journal " + journal.journalId() + ": seq " + head.seq() + ", hash "
                + head.hashHex() + " (" + occasion + ")";
        outbox.post(new Blocks().context(":lock: *Audit witness* (" + Blocks.escape(occasion) + ") · journal `"
                + journal.journalId() + "` · seq *" + head.seq() + "* · hash `" + head.hashHex() + "`").message(text));
    }
}
