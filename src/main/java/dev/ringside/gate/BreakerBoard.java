package dev.ringside.gate;

import dev.ringside.journal.TraceEvent.BreakerChanged;
import dev.ringside.policy.BreakerSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every agent's circuit breaker, created on first use; state changes go to the journal and to pagers. */
public final class BreakerBoard {
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final List<CircuitBreaker.Listener> pagers = new CopyOnWriteArrayList<>();
    private final TraceSink trace;
    private volatile BreakerSettings settings;

    public BreakerBoard(BreakerSettings settings, TraceSink trace) {
        this.settings = settings;
        this.trace = trace;
    }

    public CircuitBreaker of(String agent) {
        return breakers.computeIfAbsent(agent, id -> new CircuitBreaker(id, settings, this::changed));
    }

    /** Paging hooks (cockpit banner, Slack) told when any breaker changes state. */
    public void addPager(CircuitBreaker.Listener pager) {
        pagers.add(pager);
    }

    public void rearm(String agent, String person, String reason) {
        of(agent).rearm(person, reason);
    }

    void settings(BreakerSettings newSettings) {
        settings = newSettings;
        breakers.values().forEach(b -> b.settings(newSettings));
    }

    private void changed(String agent, CircuitBreaker.State from, CircuitBreaker.State to, String reason) {
        trace.record("breaker", agent, new BreakerChanged(from.name(), to.name(), reason));
        for (CircuitBreaker.Listener pager : pagers) pager.changed(agent, from, to, reason);
    }
}
