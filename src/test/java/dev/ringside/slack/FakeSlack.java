package dev.ringside.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Slack-compatible Web API for tests: chat.postMessage, chat.update, chat.postEphemeral
 * and apps.connections.open, recording every request. It can answer 429 with Retry-After, or be
 * down (its port closed) and come back on the same port.
 */
final class FakeSlack implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as Slack received it. */
    record Call(String method, Map<String, String> params, String authorization) {
        String text() {
            return params.getOrDefault("text", "");
        }

        JsonNode blocks() {
            try {
                return JSON.readTree(params.getOrDefault("blocks", "[]"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A message as it now stands in the channel. */
    record Message(String channel, String ts, String text, JsonNode blocks) {
    }

    private final List<Call> requests = new CopyOnWriteArrayList<>();
    private final List<Call> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, Message> channel = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Integer> rateLimits = new ConcurrentLinkedQueue<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000L);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/unset";
    private final int port;
    private HttpServer server;

    FakeSlack() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + port + "/api/");
    }

    void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** The next {@code times} chat.* requests are answered 429 with {@code Retry-After: seconds}. */
    void rateLimitNext(int times, int retryAfterSeconds) {
        for (int i = 0; i < times; i++) {
            rateLimits.add(retryAfterSeconds);
        }
    }

    synchronized void down() {
        server.stop(0);
    }

    synchronized void up() {
        server = listen(port);
    }

    List<Call> requests(String method) {
        return requests.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** chat.postMessage and chat.update requests that were accepted, in the order Slack took them. */
    List<Call> accepted() {
        return List.copyOf(accepted);
    }

    Message message(String ts) {
        return channel.get(ts);
    }

    List<Message> messages() {
        return channel.values().stream().sorted(java.util.Comparator.comparing(Message::ts)).toList();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/api/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Call call = new Call(method, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)),
                exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(call);
        if (method.startsWith("chat.") && !method.equals("chat.postEphemeral")) {
            Integer retryAfter = rateLimits.poll();
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
                reply(exchange, 429, JSON.createObjectNode().put("ok", false).put("error", "ratelimited"));
                return;
            }
        }
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "chat.postMessage" -> {
                String ts = clock.incrementAndGet() + ".000100";
                channel.put(ts, new Message(call.params().get("channel"), ts, call.text(), call.blocks()));
                accepted.add(call);
                body.put("channel", call.params().get("channel")).put("ts", ts);
            }
            case "chat.update" -> {
                String ts = call.params().get("ts");
                if (ts == null || !channel.containsKey(ts)) {
                    body.put("ok", false).put("error", "message_not_found");
                } else {
                    channel.put(ts, new Message(call.params().get("channel"), ts, call.text(), call.blocks()));
                    accepted.add(call);
                    body.put("channel", call.params().get("channel")).put("ts", ts);
                }
            }
            case "chat.postEphemeral" -> body.put("message_ts", clock.incrementAndGet() + ".000200");
            case "apps.connections.open" -> body.put("url", socketModeUrl);
            default -> body.put("ok", false).put("error", "unknown_method");
        }
        reply(exchange, 200, body);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
