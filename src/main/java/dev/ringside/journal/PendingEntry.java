package dev.ringside.journal;

/** A recorded event on its way to disk: everything the writer stores, already stamped and hashed. */
record PendingEntry(long id, long atMicros, String runId, String agent, String type, String payload,
                    TraceEvent event, AuditLink link) {

    JournalEntry toEntry() {
        return new JournalEntry(id, Micros.toInstant(atMicros), runId, agent, event);
    }
}
