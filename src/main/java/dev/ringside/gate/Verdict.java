package dev.ringside.gate;

/** What one check concluded; the gate turns the first verdict into a {@link Decision}. */
record Verdict(Kind kind, String rule, String reason) {

    enum Kind { ALLOW, DENY, APPROVAL, DRY_RUN }

    static Verdict deny(String rule, String reason) {
        return new Verdict(Kind.DENY, rule, reason);
    }

    static Verdict approval(String name, String reason) {
        return new Verdict(Kind.APPROVAL, "approval/" + name, reason);
    }
}
