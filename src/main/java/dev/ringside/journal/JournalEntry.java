package dev.ringside.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded trace event with its envelope.
 *
 * @param id    journal-wide, strictly increasing in record order
 * @param at    when it was recorded (microsecond precision, never earlier than the previous entry)
 * @param runId the run it belongs to
 * @param agent the agent that ran it
 * @param event the payload
 */
public record JournalEntry(long id, Instant at, String runId, String agent, TraceEvent event) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(event, "event");
    }

    /** The event's stable wire name. */
    public String type() {
        return event.type();
    }
}
