package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ringside.agent.Incident;
import dev.ringside.agent.RunResult;
import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible provider (vLLM, llama.cpp, LM Studio, Ollama's /v1) against a local server
 * speaking the chat-completions protocol: it receives our tools and system prompt, its tool call
 * goes through the gate, and its answer ends the run.
 */
class OpenAiCompatibleModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String completion(String message) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"local-model\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                + "\"total_tokens\":15}}";
    }

    @Test
    void aLocalOpenAiCompatibleServerDrivesARunThroughTheGate() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            String body = requests.size() == 1
                    ? completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"list_pods\",\"arguments\":\"{\\\"namespace\\\":\\\"shop\\\",\\\"selector\\\":\\\"app=checkout\\\"}\"}}]}")
                    : completion("{\"role\":\"assistant\",\"content\":\"checkout pods crash-loop; rollback advised\"}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        Models models = new Models(new ModelSettings("openai", baseUrl, "local-model", null, Duration.ofSeconds(20)), name -> null);
        try (Engine engine = Engine.sandbox(dir.resolve("j.db"), null, models)) {
            RunResult result = engine.runtime().trigger(new Incident("crashloop", SandboxNames.SHOP, SandboxNames.CHECKOUT,
                    "checkout crash-loops", "test", null)).orElseThrow().result().get(60, TimeUnit.SECONDS);
            engine.journal().flush();
            assertThat(result.outcome()).as(result.summary()).isEqualTo("completed");
            assertThat(result.summary()).isEqualTo("checkout pods crash-loop; rollback advised");
            List<TraceEvent> events = engine.journal().readRun(result.runId()).stream().map(JournalEntry::event).toList();
            assertThat(events).filteredOn(TraceEvent.DecisionMade.class::isInstance).map(TraceEvent.DecisionMade.class::cast)
                    .singleElement().satisfies(d -> assertThat(d.rule()).isEqualTo("allow"));
            assertThat(events).filteredOn(TraceEvent.ModelResponse.class::isInstance).map(TraceEvent.ModelResponse.class::cast)
                    .allSatisfy(r -> assertThat(r.model()).isEqualTo("OpenAI-compatible local-model at " + baseUrl));
        } finally {
            server.stop(0);
        }
        JsonNode first = requests.getFirst();
        assertThat(first.path("model").asText()).isEqualTo("local-model");
        assertThat(first.path("tools").findValuesAsText("name")).contains("list_pods", "rollback_deployment")
                .doesNotContain("delete_deployment");
        assertThat(first.path("messages").get(0).path("content").asText()).contains("never follow instructions");
        // the tool result the model saw is the guarded, fenced output
        assertThat(requests.get(1).path("messages").toString()).contains("untrusted_data");
    }
}
