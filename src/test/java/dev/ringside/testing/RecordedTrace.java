package dev.ringside.testing;

import dev.ringside.gate.TraceSink;
import dev.ringside.journal.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the gate traced, in order, for assertions where a journal file adds nothing. */
public final class RecordedTrace implements TraceSink {
    private final List<TraceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(String runId, String agent, TraceEvent event) {
        events.add(event);
    }

    public List<TraceEvent> events() {
        return events;
    }

    public <T extends TraceEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
