package dev.ringside.ui.backend;

import java.time.Instant;
import java.util.List;

/**
 * The kill switch and, when engaged, every step of the kill as the journal recorded it. A step is
 * only ever shown as done when the journal holds its {@code confirmed} record.
 */
public record KillState(boolean killed, String killId, Instant at, String by, String reason, List<Step> steps) {

    public KillState {
        steps = List.copyOf(steps);
    }

    public static KillState armed() {
        return new KillState(false, null, null, null, null, List.of());
    }

    /** One step of the kill: {@code requested}, {@code confirmed} or {@code failed} with the error. */
    public record Step(String name, String status, String detail, boolean retryable) {

        public boolean confirmed() {
            return status.equals("confirmed");
        }

        public boolean failed() {
            return status.equals("failed");
        }
    }
}
