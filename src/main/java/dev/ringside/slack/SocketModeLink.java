package dev.ringside.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.request.InteractiveEnvelope;
import com.slack.api.socket_mode.request.SlashCommandsEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import java.time.Duration;

/**
 * The Socket Mode connection (no public endpoint needed): Slack delivers button clicks and slash
 * commands over a WebSocket this side opens. Every envelope is acknowledged; slash commands are
 * answered in the acknowledgement. Connecting retries with back-off in the background, so a Slack
 * outage at start-up delays interactions but never the cockpit.
 */
final class SocketModeLink implements AutoCloseable {
    private final SlackWebApi api;
    private final SlackInteractions interactions;
    private final SlackSettings.Retry retry;
    private final Thread connector;
    private volatile SocketModeClient client;
    private volatile boolean connected;
    private volatile boolean closed;

    SocketModeLink(SlackWebApi api, SlackInteractions interactions, SlackSettings.Retry retry) {
        this.api = api;
        this.interactions = interactions;
        this.retry = retry;
        this.connector = Thread.ofVirtual().name("ringside-slack-socket-mode").start(this::connect);
    }

    boolean connected() {
        return connected && !closed;
    }

    private void connect() {
        for (int attempt = 1; !closed; attempt++) {
            SocketModeClient c = null;
            try {
                c = api.slack().socketMode(api.appToken()); // asks apps.connections.open for the WebSocket URL
                c.addWebSocketMessageListener(this::onMessage);
                c.addWebSocketCloseListener((code, reason) -> connected = false);
                c.addInteractiveEnvelopeListener(this::onInteractive);
                c.addSlashCommandsEnvelopeListener(this::onSlashCommand);
                client = c;
                c.connect();
                if (closed) {
                    c.close();
                }
                return;
            } catch (Exception e) {
                closeQuietly(c);
                client = null;
                try {
                    Thread.sleep(retry.after(attempt));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void onMessage(String message) {
        try {
            if ("hello".equals(SlackMessage.JSON.readTree(message).path("type").asText())) {
                connected = true;
            }
        } catch (Exception ignored) {
            // not JSON: not a hello
        }
    }

    private void onInteractive(InteractiveEnvelope envelope) {
        client.sendSocketModeResponse(new AckResponse(envelope.getEnvelopeId()));
        JsonNode payload = parse(envelope.getPayload());
        if (!"block_actions".equals(payload.path("type").asText())) {
            return;
        }
        String channel = payload.path("channel").path("id").asText(payload.path("container").path("channel_id").asText());
        JsonNode user = payload.path("user");
        String userName = user.path("username").asText(user.path("name").asText(null));
        for (JsonNode action : payload.path("actions")) {
            interactions.clicked(new SlackInteractions.Click(user.path("id").asText(null), userName, channel,
                    action.path("action_id").asText(), action.path("value").asText(null)));
        }
    }

    private void onSlashCommand(SlashCommandsEnvelope envelope) {
        JsonNode payload = parse(envelope.getPayload());
        SlackMessage reply = interactions.command(new SlackInteractions.Command(payload.path("user_id").asText(null),
                payload.path("user_name").asText(null), payload.path("channel_id").asText(null),
                payload.path("text").asText("")));
        ObjectNode response = SlackMessage.JSON.createObjectNode().put("envelope_id", envelope.getEnvelopeId());
        ObjectNode body = response.putObject("payload").put("response_type", "ephemeral").put("text", reply.text());
        body.set("blocks", reply.blocks());
        client.sendWebSocketMessage(response.toString());
    }

    private static JsonNode parse(com.google.gson.JsonElement payload) {
        try {
            return SlackMessage.JSON.readTree(payload == null ? "{}" : payload.toString());
        } catch (Exception e) {
            return SlackMessage.JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        closeQuietly(client);
        connected = false;
        try {
            connector.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketModeClient c) {
        if (c == null) {
            return;
        }
        try {
            c.setAutoReconnectEnabled(false);
            c.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }
}
