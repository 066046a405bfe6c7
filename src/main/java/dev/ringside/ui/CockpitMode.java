package dev.ringside.ui;

/** What the window's main area shows. The header (with the kill switch) and the status bar stay in every mode. */
public enum CockpitMode {
    LIVE("Live"),
    REPLAY("Replay"),
    COMPARE("Compare");

    private final String label;

    CockpitMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
