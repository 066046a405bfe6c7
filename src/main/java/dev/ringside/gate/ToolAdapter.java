package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What actually touches the world (the cluster adapters implement it). Only {@link GatedTools}
 * holds one, so nothing reaches an adapter without a gate decision.
 */
public interface ToolAdapter {

    /**
     * Reads, without changing anything, what a write would affect: the target's current
     * resourceVersion (bound into the approval digest) and the blast radius shown to people.
     * Reads return {@link Preview#NONE}.
     */
    Preview preview(ProposedCall call) throws ToolFailure;

    /** Performs the call and returns its output as structured JSON. */
    JsonNode execute(ProposedCall call) throws ToolFailure;
}
