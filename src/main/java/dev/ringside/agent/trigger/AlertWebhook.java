package dev.ringside.agent.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ringside.agent.Incident;
import dev.ringside.agent.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An Alertmanager-compatible webhook receiver on loopback ({@code POST /alerts}, Alertmanager's
 * webhook JSON). Each firing alert whose {@code alertname} a runbook lists becomes an incident;
 * the alert's labels and annotations travel with it as untrusted data.
 */
public final class AlertWebhook implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final List<Runbook> runbooks;
    private final Consumer<Incident> incidents;

    private AlertWebhook(HttpServer server, List<Runbook> runbooks, Consumer<Incident> incidents) {
        this.server = server;
        this.runbooks = List.copyOf(runbooks);
        this.incidents = incidents;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free port). */
    public static AlertWebhook start(int port, List<Runbook> runbooks, Consumer<Incident> incidents) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        AlertWebhook webhook = new AlertWebhook(server, runbooks, incidents);
        server.createContext("/alerts", webhook::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return webhook;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, "POST Alertmanager webhook JSON to /alerts");
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    respond(exchange, 413, "alert payload larger than 1 MiB");
                    return;
                }
                body = JSON.readTree(bytes);
            } catch (IOException malformed) {
                respond(exchange, 400, "not JSON: " + malformed.getMessage());
                return;
            }
            int accepted = 0;
            for (Incident incident : incidentsOf(body)) {
                incidents.accept(incident);
                accepted++;
            }
            respond(exchange, 200, "accepted " + accepted + " alert(s)");
        }
    }

    /** Firing alerts that a runbook handles, as incidents; everything else is ignored. */
    public List<Incident> incidentsOf(JsonNode body) {
        java.util.ArrayList<Incident> out = new java.util.ArrayList<>();
        for (JsonNode alert : body.path("alerts")) {
            if (alert.path("status").asText("firing").equals("resolved")) continue;
            String name = alert.path("labels").path("alertname").asText("");
            for (Runbook runbook : runbooks) {
                if (!runbook.alertNames().contains(name)) continue;
                JsonNode labels = alert.path("labels");
                String namespace = labels.path("namespace").asText("default");
                String object = firstNonBlank(labels.path("deployment").asText(""), labels.path("container").asText(""),
                        namespace);
                out.add(new Incident(runbook.triggerKind(), namespace, object, "alert " + name, "alertmanager", alert));
                break;
            }
        }
        return out;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (!v.isBlank()) return v;
        return "";
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
