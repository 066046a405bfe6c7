package dev.ringside.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * A structured never_allow entry: a tool name (a trailing '*' matches a prefix, '*' alone any tool)
 * and optional argument values that must all be equal, ignoring case.
 */
public record ToolRule(String name, String tool, Map<String, String> args) {

    public ToolRule {
        args = Map.copyOf(args);
    }

    public boolean matches(String calledTool, JsonNode callArgs) {
        if (!toolMatches(calledTool)) return false;
        for (Map.Entry<String, String> condition : args.entrySet()) {
            JsonNode actual = callArgs == null ? null : callArgs.get(condition.getKey());
            if (actual == null || !actual.isValueNode()) return false;
            String normalised = dev.ringside.policy.command.TextNormalizer.normalize(actual.asText()).strip();
            if (!normalised.equals(condition.getValue().toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    private boolean toolMatches(String calledTool) {
        if (tool.endsWith("*")) return calledTool.startsWith(tool.substring(0, tool.length() - 1));
        return tool.equals(calledTool);
    }
}
