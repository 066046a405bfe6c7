package dev.ringside.agent.guard;

/**
 * One cue found in a text, with its span in the original. A cue of weight {@link #DECISIVE} is a
 * finding by itself; weaker cues only count when others stand close to them.
 */
record Signal(String cue, int weight, int start, int end) {

    /** Weight at which one cue alone makes a finding. */
    static final int DECISIVE = 3;
}
