package dev.ringside.ui.trace;

/** The event types the live trace can be filtered by. */
public enum TraceKind {
    RUN("Runs"),
    REASONING("Reasoning"),
    TOOL_CALL("Tool calls"),
    DECISION("Decisions"),
    APPROVAL("Approvals"),
    RESULT("Results"),
    INJECTION("Injections"),
    SAFETY("Kill & breakers");

    private final String label;

    TraceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
