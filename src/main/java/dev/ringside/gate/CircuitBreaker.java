package dev.ringside.gate;

import dev.ringside.policy.BreakerSettings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * One agent's breaker. CLOSED counts destructive actions and failures in a sliding window; too
 * many → OPEN (agent paused, people paged). After the cool-down, HALF_OPEN lets a few probe calls
 * through: a successful probe closes it, a failed one opens it again. A person can re-arm it.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What the breaker says about one call. */
    public sealed interface Admission {
        record Admit(boolean probe) implements Admission {
        }

        record Reject(String reason) implements Admission {
        }
    }

    /** Told on every state change, with the reason. */
    @FunctionalInterface
    public interface Listener {
        void changed(String agent, State from, State to, String reason);
    }

    private final String agent;
    private final Listener listener;
    private final Deque<Instant> destructive = new ArrayDeque<>();
    private final Deque<Instant> failures = new ArrayDeque<>();
    private final Set<String> probesInFlight = new HashSet<>();
    private BreakerSettings settings;
    private State state = State.CLOSED;
    private Instant openedAt;
    private String openReason = "";
    private int probesLeft;

    CircuitBreaker(String agent, BreakerSettings settings, Listener listener) {
        this.agent = agent;
        this.settings = settings;
        this.listener = listener;
    }

    public synchronized State state() {
        return state;
    }

    /** Destructive actions counted in the current window (for the cockpit's trip bar). */
    public synchronized int destructiveInWindow(Instant now) {
        prune(now);
        return destructive.size();
    }

    public synchronized int failuresInWindow(Instant now) {
        prune(now);
        return failures.size();
    }

    synchronized void settings(BreakerSettings newSettings) {
        settings = newSettings;
    }

    /**
     * Whether a call may go ahead as far as this breaker is concerned. The gate holds this
     * breaker's lock from this check to {@link #admitted}, so a half-open probe is taken once.
     */
    synchronized Admission check(boolean destructiveCall, Instant now) {
        if (state == State.OPEN) {
            if (now.isBefore(openedAt.plus(settings.coolDown()))) {
                return new Admission.Reject("circuit breaker open since " + openedAt + " (" + openReason
                        + "); cools down at " + openedAt.plus(settings.coolDown()) + " or a person re-arms it");
            }
            probesLeft = settings.halfOpenProbes();
            probesInFlight.clear();
            move(State.HALF_OPEN, "cool-down over; probing with " + probesLeft + " call(s)");
        }
        if (state == State.HALF_OPEN) {
            return probesLeft > 0 ? new Admission.Admit(true)
                    : new Admission.Reject("circuit breaker half-open: waiting for the probe call's result");
        }
        prune(now);
        if (destructiveCall && destructive.size() >= settings.maxDestructive()) {
            trip(destructive.size() + " destructive actions within " + settings.window() + " (limit "
                    + settings.maxDestructive() + ")", now);
            return new Admission.Reject("circuit breaker opened: " + openReason);
        }
        return new Admission.Admit(false);
    }

    /** The call was allowed: count it, and take a probe if half-open. Returns whether it is a probe. */
    synchronized boolean admitted(String callId, boolean destructiveCall, Instant now) {
        if (destructiveCall) destructive.addLast(now);
        if (state != State.HALF_OPEN) return false;
        probesLeft--;
        probesInFlight.add(callId);
        return true;
    }

    synchronized void recordDestructive(Instant now) {
        destructive.addLast(now);
    }

    synchronized void recordOutcome(String callId, boolean ok, Instant now) {
        boolean probe = probesInFlight.remove(callId);
        if (!ok) failures.addLast(now);
        if (state == State.HALF_OPEN && probe) {
            if (ok) {
                destructive.clear();
                failures.clear();
                move(State.CLOSED, "probe call succeeded");
            } else {
                trip("probe call failed", now);
            }
            return;
        }
        if (state == State.CLOSED && !ok) {
            prune(now);
            if (failures.size() >= settings.maxFailures()) {
                trip(failures.size() + " failed actions within " + settings.window(), now);
            }
        }
    }

    synchronized void rearm(String person, String reason) {
        if (person == null || person.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("re-arming a breaker needs a person and a reason");
        }
        destructive.clear();
        failures.clear();
        probesInFlight.clear();
        if (state != State.CLOSED) move(State.CLOSED, "re-armed by " + person + ": " + reason);
    }

    private void trip(String reason, Instant now) {
        openedAt = now;
        openReason = reason;
        probesInFlight.clear();
        move(State.OPEN, reason);
    }

    private void move(State to, String reason) {
        State from = state;
        state = to;
        listener.changed(agent, from, to, reason);
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(settings.window());
        while (!destructive.isEmpty() && destructive.peekFirst().isBefore(horizon)) destructive.removeFirst();
        while (!failures.isEmpty() && failures.peekFirst().isBefore(horizon)) failures.removeFirst();
    }
}
