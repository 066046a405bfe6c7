package dev.ringside.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Block Kit message: the fallback {@code text} (notifications, screen readers) and its blocks.
 * Stored in the outbox as JSON, so it survives a restart exactly as it was composed.
 */
public record SlackMessage(String text, ArrayNode blocks) {

    static final ObjectMapper JSON = new ObjectMapper();

    public String blocksJson() {
        return blocks.toString();
    }

    String toJson(Long edits) {
        ObjectNode node = JSON.createObjectNode();
        if (edits != null) {
            node.put("edits", edits);
        }
        node.put("text", text);
        node.set("blocks", blocks);
        return node.toString();
    }

    static SlackMessage fromJson(JsonNode node) {
        return new SlackMessage(node.path("text").asText(""), (ArrayNode) node.path("blocks"));
    }
}
