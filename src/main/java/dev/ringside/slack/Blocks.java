package dev.ringside.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small Block Kit builders over JSON nodes, with Slack's escaping for untrusted text. */
final class Blocks {
    private static final int SECTION_LIMIT = 2900;

    private final ArrayNode blocks = SlackMessage.JSON.createArrayNode();

    /**
     * Escapes what Slack would otherwise interpret ({@code <!channel>}, {@code <@U1>}, links): text
     * from agents and clusters is data, and must not ping people or hide a link behind words.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static ObjectNode plain(String text) {
        return SlackMessage.JSON.createObjectNode().put("type", "plain_text").put("text", bounded(text, 150))
                .put("emoji", true);
    }

    static ObjectNode mrkdwn(String text) {
        return SlackMessage.JSON.createObjectNode().put("type", "mrkdwn").put("text", bounded(text, SECTION_LIMIT));
    }

    Blocks header(String text) {
        blocks.addObject().put("type", "header").set("text", plain(text));
        return this;
    }

    Blocks section(String mrkdwn) {
        blocks.addObject().put("type", "section").set("text", mrkdwn(mrkdwn));
        return this;
    }

    Blocks fields(String... mrkdwnFields) {
        ObjectNode section = blocks.addObject().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        for (String field : mrkdwnFields) {
            fields.add(mrkdwn(bounded(field, 1900)));
        }
        return this;
    }

    Blocks context(String mrkdwn) {
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(mrkdwn));
        return this;
    }

    Blocks actions(String blockId, ObjectNode... buttons) {
        ObjectNode actions = blocks.addObject().put("type", "actions").put("block_id", blockId);
        ArrayNode elements = actions.putArray("elements");
        for (ObjectNode button : buttons) {
            elements.add(button);
        }
        return this;
    }

    static ObjectNode button(String actionId, String label, String value, String style) {
        ObjectNode button = SlackMessage.JSON.createObjectNode().put("type", "button").put("action_id", actionId)
                .put("value", value);
        button.set("text", plain(label));
        if (style != null) {
            button.put("style", style);
        }
        return button;
    }

    static ObjectNode confirmed(ObjectNode button, String title, String text, String confirm) {
        ObjectNode dialog = button.putObject("confirm");
        dialog.set("title", plain(bounded(title, 100)));
        dialog.set("text", mrkdwn(bounded(text, 300)));
        dialog.set("confirm", plain(bounded(confirm, 30)));
        dialog.set("deny", plain("Cancel"));
        dialog.put("style", "danger");
        return button;
    }

    SlackMessage message(String fallbackText) {
        return new SlackMessage(bounded(fallbackText, 3000), blocks);
    }
}
