package dev.ringside.policy;

import java.time.LocalDate;

/** Whether a runbook's writes really happen. A live runbook with a future {@code liveFrom} is still dry-run. */
public record RunbookMode(String runbook, Mode mode, LocalDate liveFrom) {

    public enum Mode { DRY_RUN, LIVE }

    public boolean isLiveOn(LocalDate day) {
        return mode == Mode.LIVE && (liveFrom == null || !day.isBefore(liveFrom));
    }
}
