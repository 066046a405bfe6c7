package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.agent.RunResult;
import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.agent.Incident;
import dev.ringside.cli.Main;
import dev.ringside.cluster.sandbox.SandboxNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Postmortem exports of a real demo run, through the CLI contract. */
class PostmortemExportTest {
    @TempDir
    static Path dir;
    private static String runId;

    @BeforeAll
    static void workTheDemoIncident() throws Exception {
        try (Engine engine = Engine.sandbox(dir.resolve("j.db"), null, SandboxDemo.models(Models.fromEnvironment(ModelSettings.OFFLINE)))) {
            AutoApprover.attach(engine.governance().inbox(), AutoApprover.Policy.ALL, "alice");
            RunResult result = engine.runtime().trigger(new Incident("crashloop", SandboxNames.SHOP, SandboxNames.CHECKOUT,
                    "checkout crash-loops", "test", null)).orElseThrow().result().get(60, TimeUnit.SECONDS);
            runId = result.runId();
        }
    }

    private static String export(String format) {
        PrintStream old = System.out;
        var out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.run("journal", "export", "--db", dir.resolve("j.db").toString(), "--run", runId, "--format", format)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String attribute(JsonNode span, String key) {
        for (JsonNode a : span.path("attributes")) if (a.path("key").asText().equals(key)) return a.path("value").path("stringValue").asText();
        return null;
    }

    @Test
    void otelExportHasAnAgentSpanWithToolAndChatChildrenCarryingTheGatesDecisions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export("otel"));
        List<JsonNode> spans = new ArrayList<>();
        root.path("resourceSpans").get(0).path("scopeSpans").get(0).path("spans").forEach(spans::add);
        JsonNode agent = spans.stream().filter(s -> "invoke_agent".equals(attribute(s, "gen_ai.operation.name"))).findFirst().orElseThrow();
        assertThat(attribute(agent, "gen_ai.agent.name")).isEqualTo("crashloop-agent");
        assertThat(spans).filteredOn(s -> "chat".equals(attribute(s, "gen_ai.operation.name"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path("parentSpanId").asText()).isEqualTo(agent.path("spanId").asText()));
        JsonNode deletion = spans.stream().filter(s -> "delete_deployment".equals(attribute(s, "gen_ai.tool.name"))).findFirst().orElseThrow();
        assertThat(attribute(deletion, "ringside.rule")).isEqualTo("never_allow/delete_deployment");
        assertThat(deletion.path("status").path("code").asInt()).isEqualTo(2);
        assertThat(spans).allSatisfy(s -> assertThat(s.path("traceId").asText()).hasSize(32).isEqualTo(agent.path("traceId").asText()));
        assertThat(Long.parseLong(agent.path("endTimeUnixNano").asText())).isGreaterThanOrEqualTo(Long.parseLong(agent.path("startTimeUnixNano").asText()));
    }

    @Test
    void markdownPostmortemNamesDecisionsApproversFlagsAndTheAuditResult() {
        String md = export("markdown");
        assertThat(md).startsWith("# Postmortem: run " + runId)
                .contains("## Decisions").contains("never_allow/delete_deployment")
                .contains("## Approvals").contains("| approved | alice |")
                .contains("## Injections flagged").contains("log-line")
                .contains("## Audit chain").contains("audit: OK");
    }
}
