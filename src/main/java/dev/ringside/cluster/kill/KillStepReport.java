package dev.ringside.cluster.kill;

import java.time.Duration;

/**
 * What one step of a kill (or of a restore) is doing. A step is {@code REQUESTED} when an attempt
 * starts (a retry names the error it retries after), then ends {@code CONFIRMED} once a read-back
 * showed it took effect, or {@code FAILED} with the error when its attempts ran out.
 *
 * @param took    time since the step was first requested
 * @param attempt which attempt this report is about, from 1
 */
public record KillStepReport(String killId, String step, Status status, String detail, Duration took, int attempt) {
    public enum Status {
        REQUESTED, CONFIRMED, FAILED;

        /** How the journal's KillStep event spells it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean ended() {
        return status != Status.REQUESTED;
    }
}
