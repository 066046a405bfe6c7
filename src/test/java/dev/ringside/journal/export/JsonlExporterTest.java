package dev.ringside.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlExporterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectPerEventOfTheRunWithEnvelopeAndFields() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-11-21T09:00:00.123456Z"), ZoneOffset.UTC);
        StringWriter out = new StringWriter();
        try (Journal journal = Journal.open(JournalOptions.at(dir.resolve("j.db")).withClock(clock))) {
            journal.record("run-1", "crashloop-agent", new TraceEvent.RunStarted("crashloop", "pod", "dry-run", "m"));
            journal.record("run-2", "oom-agent", new TraceEvent.RunStarted("oom", "alert", "live", "m"));
            journal.record("run-1", "crashloop-agent", new TraceEvent.ToolResult("c1", "list_pods", true, "{\"pods\":[]}", 42));
            journal.flush();
            assertThat(new JsonlExporter(journal).export("run-1", out)).isEqualTo(2);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("id").asLong()).isEqualTo(1);
        assertThat(first.get("at").asText()).isEqualTo("2025-11-21T09:00:00.123456Z");
        assertThat(first.get("run").asText()).isEqualTo("run-1");
        assertThat(first.get("agent").asText()).isEqualTo("crashloop-agent");
        assertThat(first.get("type").asText()).isEqualTo("run_started");
        assertThat(first.get("runbook").asText()).isEqualTo("crashloop");
        assertThat(first.get("mode").asText()).isEqualTo("dry-run");
        JsonNode second = mapper.readTree(lines.get(1));
        assertThat(second.get("id").asLong()).isEqualTo(3);
        assertThat(second.get("type").asText()).isEqualTo("tool_result");
        assertThat(second.get("ok").asBoolean()).isTrue();
        assertThat(second.get("durationMicros").asLong()).isEqualTo(42);
        assertThat(second.get("outputJson").asText()).isEqualTo("{\"pods\":[]}");
    }

    @Test
    void noEventFieldShadowsTheEnvelope() {
        for (Class<?> type : TraceEvent.class.getPermittedSubclasses()) {
            assertThat(type.getRecordComponents()).extracting(c -> c.getName())
                    .as(type.getSimpleName()).doesNotContain("id", "at", "run", "agent", "type");
        }
    }
}
