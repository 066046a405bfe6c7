package dev.ringside.ui.backend;

/** The global stop. {@link #kill} takes effect before it returns; re-arming is a person's journaled decision. */
public interface KillControl {

    KillState state();

    void kill(String person, String reason);

    void rearm(String person, String reason);

    /** What re-arming will restore in the cluster, one line each, for the person to read first. */
    java.util.List<String> restorePlan();

    /** Tries a failed step again; the outcome arrives as new step states. */
    void retry(String killId, String step, String person);
}
