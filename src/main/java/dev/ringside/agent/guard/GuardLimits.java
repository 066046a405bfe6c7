package dev.ringside.agent.guard;

/**
 * How much of a tool output reaches the model. Bounds keep one noisy pod (or one attacker) from
 * filling the model's context and pushing the task out of it.
 *
 * @param maxStringChars chars kept of each string before it is marked truncated
 * @param maxArrayItems  items kept of each array; the rest are counted
 * @param maxOutputChars approximate size of the whole untrusted data once written as JSON
 * @param maxFlagsShown  flags listed to the model; all are still returned for the journal
 */
public record GuardLimits(int maxStringChars, int maxArrayItems, int maxOutputChars, int maxFlagsShown) {

    public static final GuardLimits DEFAULT = new GuardLimits(2_000, 500, 64 * 1024, 20);

    public GuardLimits {
        if (maxStringChars < 64 || maxArrayItems < 1 || maxOutputChars < 1024 || maxFlagsShown < 0) {
            throw new IllegalArgumentException("guard limits too small to show anything useful: strings >= 64, "
                    + "arrays >= 1, output >= 1024 chars, flags >= 0");
        }
    }
}
