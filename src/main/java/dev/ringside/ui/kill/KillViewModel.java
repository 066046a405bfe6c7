package dev.ringside.ui.kill;

import dev.ringside.ui.backend.KillControl;
import dev.ringside.ui.backend.KillState;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The kill switch as the window shows it. Killing never asks first; re-arming needs a reason and
 * a second confirmation (the view asks twice) and is journaled by the runtime.
 */
public final class KillViewModel {
    public static final String REASON = "kill switch pressed in the cockpit";

    private final KillControl control;
    private final Supplier<String> person;
    private final ReadOnlyObjectWrapper<KillState> state = new ReadOnlyObjectWrapper<>(KillState.armed());
    private final BooleanBinding killed = Bindings.createBooleanBinding(() -> state.get().killed(), state);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public KillViewModel(KillControl control, Supplier<String> person) {
        this.control = control;
        this.person = person;
    }

    public void refresh() {
        KillState now = control.state();
        if (!now.equals(state.get())) state.set(now);
    }

    public void kill() {
        try {
            control.kill(person.get(), REASON);
            error.set("");
        } catch (RuntimeException e) {
            error.set("The kill switch reported an error (the local halt still applies if it was reached): " + e.getMessage());
        }
        refresh();
    }

    public boolean rearm(String reason) {
        if (reason == null || reason.isBlank()) {
            error.set("Re-arming needs a reason; it goes into the audit chain.");
            return false;
        }
        try {
            control.rearm(person.get(), reason.strip());
            error.set("");
            refresh();
            return true;
        } catch (RuntimeException e) {
            error.set("Could not re-arm: " + e.getMessage());
            return false;
        }
    }

    /** What re-arming will restore, shown before the second confirmation. */
    public java.util.List<String> restorePlan() {
        try {
            return control.restorePlan();
        } catch (RuntimeException e) {
            return java.util.List.of("The restore plan could not be read: " + e.getMessage());
        }
    }

    public void retry(KillState.Step step) {
        KillState current = state.get();
        if (!current.killed()) return;
        try {
            control.retry(current.killId(), step.name(), person.get());
            error.set("");
        } catch (RuntimeException e) {
            error.set("Retry of " + step.name() + " failed: " + e.getMessage());
        }
        refresh();
    }

    public ReadOnlyObjectProperty<KillState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding killedBinding() {
        return killed;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
