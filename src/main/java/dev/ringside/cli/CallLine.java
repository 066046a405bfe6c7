package dev.ringside.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.gate.ProposedCall;

/** One proposed call as written in a calls file: {@code {"agent":ID,"tool":NAME,"args":{...}}}. */
final class CallLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CallLine() {
    }

    /** Parses one JSON line, or explains exactly what is wrong with it. */
    static ProposedCall parse(String text, int lineNumber) throws InvalidCall {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidCall("line " + lineNumber + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return fromJson(node, "line " + lineNumber);
    }

    static ProposedCall fromJson(JsonNode node, String where) throws InvalidCall {
        if (node == null || !node.isObject()) throw new InvalidCall(where + ": expected a JSON object");
        String agent = text(node, "agent", where, true);
        String tool = text(node, "tool", where, true);
        String runbook = text(node, "runbook", where, false);
        String resourceVersion = text(node, "resourceVersion", where, false);
        JsonNode args = node.get("args");
        if (args != null && !args.isObject()) throw new InvalidCall(where + ": \"args\" must be a JSON object");
        String callId = where.replace(' ', '-');
        return new ProposedCall(callId, "policy-check", agent, runbook, tool, args, resourceVersion, null, null, null, null);
    }

    private static String text(JsonNode node, String field, String where, boolean required) throws InvalidCall {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) throw new InvalidCall(where + ": missing \"" + field + "\"");
            return null;
        }
        if (!value.isTextual()) throw new InvalidCall(where + ": \"" + field + "\" must be a string");
        return value.textValue();
    }

    static final class InvalidCall extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCall(String message) {
            super(message);
        }
    }
}
