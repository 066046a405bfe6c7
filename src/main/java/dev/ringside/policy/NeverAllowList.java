package dev.ringside.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.policy.command.CommandRule;
import dev.ringside.policy.command.CommandScanner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Actions that never execute. Structured rules match the tool (and argument values); command rules
 * match any string carried anywhere in the arguments, so a shell-like tool, a third-party tool or a
 * label value cannot smuggle a forbidden command past the gate.
 */
public final class NeverAllowList {
    private final List<ToolRule> toolRules;
    private final List<CommandRule> commandRules;
    private final CommandScanner scanner;

    public NeverAllowList(List<ToolRule> toolRules, List<CommandRule> commandRules) {
        this.toolRules = List.copyOf(toolRules);
        this.commandRules = List.copyOf(commandRules);
        this.scanner = CommandScanner.compile(this.commandRules);
    }

    public int size() {
        return toolRules.size() + commandRules.size();
    }

    public List<ToolRule> toolRules() {
        return toolRules;
    }

    public List<CommandRule> commandRules() {
        return commandRules;
    }

    /** The name of the first rule the call breaks, if any. */
    public Optional<String> firstMatch(String tool, JsonNode args) {
        for (ToolRule rule : toolRules) {
            if (rule.matches(tool, args)) return Optional.of(rule.name());
        }
        if (commandRules.isEmpty() || args == null) return Optional.empty();
        List<String> texts = new ArrayList<>();
        collectStrings(args, texts);
        for (String text : texts) {
            Optional<CommandRule> hit = scanner.firstMatch(text);
            if (hit.isPresent()) return Optional.of(hit.get().name());
        }
        return Optional.empty();
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collectStrings(it.next(), out);
        }
    }
}
