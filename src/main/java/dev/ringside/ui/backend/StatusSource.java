package dev.ringside.ui.backend;

/** What the status bar shows: where the agents act, with which model, under which policy, and whether the record is intact. */
public interface StatusSource {

    CockpitStatus status();
}
