package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.gate.ToolFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool call's arguments, read with messages the model can act on. The gate has already checked
 * them against the policy schema; these checks keep the adapter safe when used without one.
 */
record ToolArgs(String tool, JsonNode json) {

    String text(String name) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new ToolFailure(tool + ": argument '" + name + "' is required and must be a non-empty string");
        }
        return value.textValue();
    }

    String optionalText(String name) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new ToolFailure(tool + ": argument '" + name + "' must be a string");
        return value.textValue().isEmpty() ? null : value.textValue();
    }

    int integer(String name) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ToolFailure(tool + ": argument '" + name + "' is required and must be an integer");
        }
        return value.intValue();
    }

    int optionalInteger(String name, int fallback) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) return fallback;
        return integer(name);
    }

    Map<String, String> stringMap(String name) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw new ToolFailure(tool + ": argument '" + name + "' is required and must be a non-empty object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new ToolFailure(tool + ": " + name + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    JsonNode object(String name) throws ToolFailure {
        JsonNode value = json.get(name);
        if (value == null || !value.isObject()) {
            throw new ToolFailure(tool + ": argument '" + name + "' is required and must be a JSON object");
        }
        return value;
    }
}
