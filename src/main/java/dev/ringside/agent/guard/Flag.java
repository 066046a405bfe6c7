package dev.ringside.agent.guard;

import dev.ringside.journal.TraceEvent;

/**
 * A finding in one string of a tool output: the vector says where such text comes from
 * ({@code pod-name}, {@code annotation}, {@code log-line}, {@code event-message}, {@code alert},
 * {@code tool-output}), the path where it sits in the output ({@code pods[0].annotations.note}).
 */
public record Flag(String vector, String path, Finding finding) {

    /** The journal event that records this flag for people. */
    public TraceEvent.InjectionFlagged toTraceEvent(String callId) {
        return new TraceEvent.InjectionFlagged(callId, vector, finding.excerpt(), finding.detector());
    }
}
