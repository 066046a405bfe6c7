package dev.ringside.agent.planner;

/** A runbook's steps as code: given what happened so far, the next move. Deterministic. */
public interface Plan {

    Move next(Conversation conversation);
}
