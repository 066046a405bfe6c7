package dev.ringside.gate;

import dev.ringside.journal.TraceEvent.KillStep;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one global stop. {@link #kill} is synchronous: once it returns, every gate call is denied and
 * every pending approval is void. Listeners (run interruption, cluster revocation, Slack receipt)
 * are told in order; the local halt never waits for them to succeed. Pressing twice is harmless.
 */
public final class KillSwitch {
    /** The journal's run id for kill-switch events, which belong to no single run. */
    public static final String RUN_ID = KillStep.RUN_ID;

    public sealed interface State permits Armed, Killed {
    }

    public record Armed(Instant since, String by, String reason) implements State {
    }

    public record Killed(String killId, Instant at, String by, String reason) implements State {
    }

    /** Told synchronously, inside {@link #kill}, after the local halt took effect. */
    @FunctionalInterface
    public interface Listener {
        void killed(Killed kill);
    }

    private final Clock clock;
    private final TraceSink trace;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;

    public KillSwitch(Clock clock, TraceSink trace) {
        this.clock = clock;
        this.trace = trace;
        this.state = new Armed(clock.instant(), "system", "started");
    }

    public State state() {
        return state;
    }

    public boolean isKilled() {
        return state instanceof Killed;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Kills at once; returns the kill in force (the earlier one if already killed). */
    public synchronized Killed kill(String by, String reason) {
        if (state instanceof Killed already) return already;
        Killed kill = new Killed(UUID.randomUUID().toString(), clock.instant(), by, reason == null ? "" : reason);
        state = kill;
        trace.record(RUN_ID, by, new KillStep(kill.killId(), "local-halt", "requested", "by " + by + ": " + kill.reason()));
        for (Listener listener : listeners) {
            try {
                listener.killed(kill);
            } catch (RuntimeException e) {
                trace.record(RUN_ID, by, new KillStep(kill.killId(), "local-halt", "failed",
                        "a kill listener failed: " + e));
            }
        }
        trace.record(RUN_ID, by, new KillStep(kill.killId(), "local-halt", "confirmed",
                "gate denies every call; pending approvals void"));
        return kill;
    }

    /**
     * After a restart, a kill found in the journal without a re-arm stays in force: the switch
     * starts KILLED again (listeners are not told; the kill's steps already ran). Only a person
     * re-arms, never a restart.
     */
    public synchronized void resume(Killed earlier) {
        if (state instanceof Killed) return;
        state = earlier;
        trace.record(RUN_ID, earlier.by(), new KillStep(earlier.killId(), "resumed-after-restart", "confirmed",
                "the kill of " + earlier.at() + " is still in force; a person must re-arm"));
    }

    /** Re-arming is a person's decision and needs a reason; both go in the audit chain. */
    public synchronized void rearm(String person, String reason) {
        if (person == null || person.isBlank()) throw new IllegalArgumentException("re-arming needs the name of the person doing it");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("re-arming needs a reason");
        if (!(state instanceof Killed kill)) throw new IllegalStateException("the kill switch is already armed");
        trace.record(RUN_ID, person, new KillStep(kill.killId(), "rearm", "confirmed", "by " + person + ": " + reason));
        state = new Armed(clock.instant(), person, reason);
    }
}
