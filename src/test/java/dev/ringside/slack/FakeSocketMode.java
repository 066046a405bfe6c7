package dev.ringside.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A local Socket Mode endpoint: says hello to whoever connects, sends envelopes
 * ({@code interactive}, {@code slash_commands}) with an envelope id, and collects the acks.
 */
final class FakeSocketMode implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
    private final CompletableFuture<ServerWebSocket> connected = new CompletableFuture<>();

    FakeSocketMode() throws Exception {
        server = vertx.createHttpServer().webSocketHandler(ws -> {
            ws.textMessageHandler(this::received);
            ws.writeTextMessage("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                    + "\"build_number\":1,\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.complete(ws);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/link";
    }

    /** Sends an envelope and returns its id. */
    String send(String type, ObjectNode payload) throws Exception {
        String id = UUID.randomUUID().toString();
        acks.put(id, new CompletableFuture<>());
        ObjectNode envelope = FakeSlack.JSON.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", type.equals("slash_commands"));
        envelope.set("payload", payload);
        connected.get(10, TimeUnit.SECONDS).writeTextMessage(envelope.toString());
        return id;
    }

    /** The ack Ringside sent for an envelope (with its response payload, if any). */
    JsonNode ack(String envelopeId) throws Exception {
        return acks.get(envelopeId).get(10, TimeUnit.SECONDS);
    }

    private void received(String text) {
        try {
            JsonNode message = FakeSlack.JSON.readTree(text);
            String id = message.path("envelope_id").asText(null);
            if (id != null) {
                acks.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(message);
            }
        } catch (Exception ignored) {
            // not an ack
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
