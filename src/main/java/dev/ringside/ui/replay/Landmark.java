package dev.ringside.ui.replay;

import dev.ringside.journal.EventType;
import java.util.EnumSet;
import java.util.Set;

/** What a replay can jump to: the moments a postmortem asks about first. */
public enum Landmark {
    DECISION("decision", EnumSet.of(EventType.DECISION_MADE)),
    APPROVAL("approval", EnumSet.of(EventType.APPROVAL_REQUESTED, EventType.APPROVAL_DECIDED, EventType.APPROVAL_EXPIRED)),
    FLAG("injection flag", EnumSet.of(EventType.INJECTION_FLAGGED));

    private final String words;
    private final Set<EventType> types;

    Landmark(String words, Set<EventType> types) {
        this.words = words;
        this.types = types;
    }

    public String words() {
        return words;
    }

    Set<EventType> types() {
        return types;
    }
}
