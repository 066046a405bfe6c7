package dev.ringside.ui;

import dev.ringside.journal.JournalEntry;
import dev.ringside.ui.agents.AgentsViewModel;
import dev.ringside.ui.approvals.ApprovalsViewModel;
import dev.ringside.ui.backend.AgentCard;
import dev.ringside.ui.backend.CockpitBackend;
import dev.ringside.ui.kill.KillViewModel;
import dev.ringside.ui.pulse.PulseBuffer;
import dev.ringside.ui.replay.CompareViewModel;
import dev.ringside.ui.replay.ReplayViewModel;
import dev.ringside.ui.status.StatusViewModel;
import dev.ringside.ui.trace.TraceViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The whole window's state. The live journal stream reaches the FX thread through one
 * {@link PulseBuffer}; each pulse appends the new trace rows, and whenever something arrived (or a
 * quarter second passed, for countdowns and expiry) the panels re-read the backend.
 */
public final class CockpitViewModel implements AutoCloseable {
    private static final int BUFFER = 16_384;
    private static final int HISTORY = 5_000;
    private static final long REFRESH_NANOS = 250_000_000L;

    private final CockpitBackend backend;
    private final Clock clock;
    private final ReadOnlyStringWrapper approver = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper approverError = new ReadOnlyStringWrapper("");
    private final BooleanProperty dark = new SimpleBooleanProperty(true);
    private final AgentsViewModel agents;
    private final TraceViewModel trace = new TraceViewModel();
    private final ApprovalsViewModel approvals;
    private final StatusViewModel status;
    private final KillViewModel kill;
    private final ReadOnlyObjectWrapper<CockpitMode> mode = new ReadOnlyObjectWrapper<>(CockpitMode.LIVE);
    private final ReplayViewModel replay = new ReplayViewModel();
    private final CompareViewModel compare = new CompareViewModel();
    private final PulseBuffer<JournalEntry> buffer;
    private AutoCloseable subscription;
    private long lastRefresh;

    public CockpitViewModel(CockpitBackend backend, String approverName, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        this.approver.set(approverName);
        this.agents = new AgentsViewModel(backend.agents());
        this.approvals = new ApprovalsViewModel(backend.approvals(), approver::get);
        this.status = new StatusViewModel(backend.status());
        this.kill = new KillViewModel(backend.killSwitch(), approver::get);
        this.buffer = new PulseBuffer<>(BUFFER, this::pulse);
        agents.selectedProperty().addListener((o, was, agent) -> {
            if (agent != null && agent.currentRun() != null) trace.showRun(agent.currentRun());
        });
    }

    /** On the FX thread: subscribes first, then shows history, so nothing falls between the two. */
    public void start() {
        subscription = backend.events().subscribe(buffer::publish);
        trace.append(backend.events().recent(HISTORY));
        refresh();
        buffer.start();
    }

    private void pulse(List<JournalEntry> batch, long dropped, long now) {
        trace.skipped(dropped);
        if (!batch.isEmpty()) trace.append(batch);
        if (!batch.isEmpty() || now - lastRefresh >= REFRESH_NANOS) {
            lastRefresh = now;
            refresh();
        }
    }

    /** Re-reads every panel from the backend (FX thread). */
    public void refresh() {
        agents.refresh();
        approvals.refresh(clock.instant());
        status.refresh();
        kill.refresh();
    }

    /**
     * Switches what the window shows. The live stream, the approvals notification and the kill
     * switch keep working in every mode. Replay lists the live journal's runs until the person
     * picks another file.
     */
    public void switchTo(CockpitMode newMode) {
        mode.set(newMode);
        Path live = backend.journalFile().orElse(null);
        switch (newMode) {
            case LIVE -> { }
            case REPLAY -> replay.relist(live);
            case COMPARE -> compare.relist(live);
        }
    }

    /**
     * Sets who approves from this cockpit. An agent's id is refused here as well as in the runtime:
     * approvals are people's decisions.
     */
    public boolean approver(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            approverError.set("The approver needs a name.");
            return false;
        }
        if (agents.agents().stream().map(AgentCard::id).anyMatch(n::equals)) {
            approverError.set("'" + n + "' is an agent; agents never approve.");
            return false;
        }
        approver.set(n);
        approverError.set("");
        return true;
    }

    public ReadOnlyStringProperty approverProperty() {
        return approver.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approverErrorProperty() {
        return approverError.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public AgentsViewModel agents() {
        return agents;
    }

    public TraceViewModel trace() {
        return trace;
    }

    public ApprovalsViewModel approvals() {
        return approvals;
    }

    public StatusViewModel status() {
        return status;
    }

    public KillViewModel kill() {
        return kill;
    }

    public ReadOnlyObjectProperty<CockpitMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public CompareViewModel compare() {
        return compare;
    }

    @Override
    public void close() {
        buffer.stop();
        replay.close();
        compare.close();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the journal stops delivering either way; nothing to tell the engineer
            }
        }
    }
}
