package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;

/** What a plan does next: call a tool, or finish with a summary. Both carry the reasoning. */
public sealed interface Move {

    String reasoning();

    record Call(String reasoning, String tool, JsonNode args) implements Move {
    }

    record Finish(String reasoning, String summary) implements Move {
    }
}
