package dev.ringside.agent.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the model is shown of a tool output, and the suspected injections found in it. */
public record GuardedOutput(JsonNode forModel, List<Flag> flags) {

    public GuardedOutput {
        flags = List.copyOf(flags);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
