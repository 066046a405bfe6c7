package dev.ringside.policy;

/** One tool of the action catalogue: the ring it needs, how dangerous it is, and its argument schema. */
public record ActionSpec(String tool, int ring, boolean destructive, boolean reversible, ArgumentSchema schema) {

    public boolean isWrite() {
        return ring > 0;
    }
}
