package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.RunResult;
import dev.ringside.agent.trigger.AlertWebhook;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted model (what an LLM might send) driving the real runtime, gate and sandbox. */
class ScriptedModelTest {
    @TempDir
    Path dir;

    /** Replies with the scripted messages in order, then a final answer. */
    static final class ScriptedModel implements ChatModel {
        private final Deque<AiMessage> script;

        ScriptedModel(List<AiMessage> script) {
            this.script = new ArrayDeque<>(script);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            AiMessage next = script.isEmpty() ? AiMessage.from("done") : script.poll();
            return ChatResponse.builder().aiMessage(next).build();
        }
    }

    private static AiMessage call(String id, String tool, String arguments) {
        return AiMessage.builder().thinking("scripted").toolExecutionRequests(List.of(
                ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build())).build();
    }

    @Test
    void hallucinatedToolsAndMalformedArgumentsAreRefusedJournaledAndTheRunGoesOn() throws Exception {
        ScriptedModel model = new ScriptedModel(List.of(
                call("1", "nuke_cluster", "{}"),
                call("2", "list_pods", "{not json"),
                call("3", "delete_pod", "{\"namespace\":\"shop\",\"name\":\"checkout-6c9d7f5b8-x2k4p\"}"),
                call("4", "list_pods", "{\"namespace\":\"shop\"}")));
        try (Engine engine = Engine.sandbox(dir.resolve("j.db"), null, (rb, inc) -> new AgentRuntime.LabelledModel(model, "scripted"))) {
            String before = engine.sandboxCluster().snapshot();
            RunResult result = engine.runtime().trigger(new Incident("crashloop", SandboxNames.SHOP, SandboxNames.CHECKOUT,
                    "test", "test", null)).orElseThrow().result().get(60, TimeUnit.SECONDS);
            engine.journal().flush();
            assertThat(result.outcome()).isEqualTo("completed");
            List<TraceEvent.DecisionMade> decisions = engine.journal().readRun(result.runId()).stream()
                    .map(JournalEntry::event).filter(TraceEvent.DecisionMade.class::isInstance)
                    .map(TraceEvent.DecisionMade.class::cast).toList();
            assertThat(decisions).extracting(TraceEvent.DecisionMade::tool, TraceEvent.DecisionMade::rule).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("nuke_cluster", "unknown_tool"),
                    org.assertj.core.groups.Tuple.tuple("list_pods", "schema"),
                    org.assertj.core.groups.Tuple.tuple("delete_pod", "scope"),
                    org.assertj.core.groups.Tuple.tuple("list_pods", "allow"));
            assertThat(engine.sandboxCluster().snapshot()).isEqualTo(before);
        }
    }

    @Test
    void anAlertmanagerWebhookStartsTheMatchingRunbookOnce() throws Exception {
        try (Engine engine = Engine.sandbox(dir.resolve("j.db"), null,
                (rb, inc) -> new AgentRuntime.LabelledModel(new ScriptedModel(List.of()), "scripted"));
             AlertWebhook webhook = AlertWebhook.start(0, engine.runtime().runbooks(), engine.runtime()::trigger)) {
            String body = """
                    {"version":"4","status":"firing","alerts":[
                      {"status":"firing","labels":{"alertname":"KubePodCrashLooping","namespace":"shop","deployment":"checkout"},
                       "annotations":{"description":"checkout restarts"}},
                      {"status":"firing","labels":{"alertname":"KubePodCrashLooping","namespace":"shop","deployment":"checkout"},
                       "annotations":{"description":"same incident again"}},
                      {"status":"firing","labels":{"alertname":"SomethingElse"}}]}""";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + webhook.port() + "/alerts"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(engine.runtime().started()).singleElement()
                    .satisfies(h -> assertThat(h.runbook().id()).isEqualTo("crashloop-rollback"));
            HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + webhook.port() + "/alerts"))
                    .POST(HttpRequest.BodyPublishers.ofString("{nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
        }
    }
}
