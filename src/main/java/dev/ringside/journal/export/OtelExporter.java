package dev.ringside.journal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as OpenTelemetry spans in OTLP/JSON, following the GenAI semantic conventions, for
 * Langfuse, Phoenix or Jaeger: an {@code invoke_agent} span for the run, a {@code chat} span per
 * model turn and an {@code execute_tool} span per proposed call (with the gate's decision, and
 * approvals and injection flags as span events). Ids are derived from the run and call ids, so
 * exporting twice gives the same trace.
 */
public final class OtelExporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTRIBUTE = 4_000;

    private OtelExporter() {
    }

    /** {@link #export} as indented JSON text, as {@code ringside journal export --format otel} prints it. */
    public static String json(String runId, List<JournalEntry> run) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(export(runId, run));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode export(String runId, List<JournalEntry> run) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode resourceSpans = root.putArray("resourceSpans").addObject();
        attributes(resourceSpans.putObject("resource"), Map.of("service.name", "ringside"));
        ObjectNode scopeSpans = resourceSpans.putArray("scopeSpans").addObject();
        scopeSpans.putObject("scope").put("name", "dev.ringside.journal");
        ArrayNode spans = scopeSpans.putArray("spans");
        if (run.isEmpty()) return root;

        String traceId = hex(runId, 16);
        String rootSpanId = hex(runId + "/run", 8);
        JournalEntry first = run.getFirst();
        Instant end = run.getLast().at();
        ObjectNode agentSpan = span(spans, traceId, rootSpanId, null, "invoke_agent " + first.agent(), first.at(), end);
        Map<String, Object> agentAttributes = new LinkedHashMap<>();
        agentAttributes.put("gen_ai.operation.name", "invoke_agent");
        agentAttributes.put("gen_ai.agent.name", first.agent());
        agentAttributes.put("gen_ai.conversation.id", runId);

        Map<String, ObjectNode> toolSpans = new LinkedHashMap<>();
        JournalEntry pendingRequest = null;
        int turn = 0;
        for (JournalEntry e : run) {
            switch (e.event()) {
                case TraceEvent.RunStarted s -> {
                    agentAttributes.put("ringside.runbook", s.runbook());
                    agentAttributes.put("ringside.mode", s.mode());
                    agentAttributes.put("gen_ai.request.model", s.model());
                }
                case TraceEvent.RunEnded ended -> {
                    agentAttributes.put("ringside.outcome", ended.outcome());
                    status(agentSpan, !ended.outcome().equals("failed"), ended.summary());
                }
                case TraceEvent.ModelRequest r -> pendingRequest = e;
                case TraceEvent.ModelResponse r -> {
                    Instant start = pendingRequest == null ? e.at() : pendingRequest.at();
                    ObjectNode chat = span(spans, traceId, hex(runId + "/turn" + (++turn), 8), rootSpanId, "chat " + r.model(), start, e.at());
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("gen_ai.operation.name", "chat");
                    attrs.put("gen_ai.request.model", r.model());
                    attrs.put("ringside.reasoning", r.reasoning());
                    attrs.put("ringside.response", r.content());
                    attributes(chat, attrs);
                    pendingRequest = null;
                }
                case TraceEvent.ToolCallProposed p -> {
                    ObjectNode tool = span(spans, traceId, hex(runId + "/" + p.callId(), 8), rootSpanId, "execute_tool " + p.tool(),
                            e.at(), e.at());
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("gen_ai.operation.name", "execute_tool");
                    attrs.put("gen_ai.tool.name", p.tool());
                    attrs.put("gen_ai.tool.call.id", p.callId());
                    attrs.put("gen_ai.tool.call.arguments", p.argsJson());
                    attributes(tool, attrs);
                    toolSpans.put(p.callId(), tool);
                }
                case TraceEvent.DecisionMade d -> {
                    ObjectNode tool = toolSpans.get(d.callId());
                    if (tool != null) {
                        attributes(tool, Map.of("ringside.decision", d.decision(), "ringside.rule", d.rule(),
                                "ringside.decision.reason", d.reason(), "ringside.digest", d.digest()));
                        event(tool, "ringside.decision", e.at(), Map.of("decision", d.decision(), "rule", d.rule()));
                        tool.put("endTimeUnixNano", nanos(e.at()));
                        if (d.decision().equals("deny")) status(tool, false, d.rule() + ": " + d.reason());
                    }
                }
                case TraceEvent.ToolResult r -> {
                    ObjectNode tool = toolSpans.get(r.callId());
                    if (tool != null) {
                        attributes(tool, Map.of("gen_ai.tool.call.result", r.outputJson()));
                        tool.put("endTimeUnixNano", nanos(e.at()));
                        status(tool, r.ok(), r.ok() ? "" : r.outputJson());
                    }
                }
                case TraceEvent.InjectionFlagged f -> {
                    ObjectNode target = toolSpans.getOrDefault(f.callId(), agentSpan);
                    event(target, "ringside.injection_flagged", e.at(), Map.of("vector", f.vector(), "excerpt", f.excerpt(),
                            "detector", f.detector()));
                }
                case TraceEvent.ApprovalRequested r -> event(agentSpan, "ringside.approval_requested", e.at(),
                        Map.of("request", r.requestId(), "tool", r.tool(), "digest", r.digest(), "ring", String.valueOf(r.ring())));
                case TraceEvent.ApprovalDecided d -> event(agentSpan, "ringside.approval_decided", e.at(),
                        Map.of("request", d.requestId(), "outcome", d.outcome(), "approver", d.approver()));
                case TraceEvent.ApprovalExpired x -> event(agentSpan, "ringside.approval_expired", e.at(), Map.of("request", x.requestId()));
                case TraceEvent.BreakerChanged b -> event(agentSpan, "ringside.breaker_changed", e.at(), Map.of("from", b.from(), "to", b.to()));
                case TraceEvent.KillStep k -> event(agentSpan, "ringside.kill_step", e.at(), Map.of("step", k.step(), "status", k.status()));
                case TraceEvent.KillRevocation r -> event(agentSpan, "ringside.kill_revocation", e.at(), Map.of("kill", r.killId()));
                case TraceEvent.AccessRefused r -> event(agentSpan, "ringside.access_refused", e.at(),
                        Map.of("channel", r.channel(), "who", r.who(), "action", r.action(), "reason", r.reason()));
            }
        }
        attributes(agentSpan, agentAttributes);
        return root;
    }

    private static ObjectNode span(ArrayNode spans, String traceId, String spanId, String parent, String name, Instant start,
                                   Instant end) {
        ObjectNode span = spans.addObject().put("traceId", traceId).put("spanId", spanId);
        if (parent != null) span.put("parentSpanId", parent);
        span.put("name", name).put("kind", 1).put("startTimeUnixNano", nanos(start)).put("endTimeUnixNano", nanos(end));
        span.putArray("attributes");
        span.putArray("events");
        return span;
    }

    private static void attributes(ObjectNode holder, Map<String, ?> values) {
        ArrayNode list = holder.has("attributes") ? (ArrayNode) holder.get("attributes") : holder.putArray("attributes");
        values.forEach((key, value) -> {
            if (value == null) return;
            String text = String.valueOf(value);
            if (text.length() > MAX_ATTRIBUTE) text = text.substring(0, MAX_ATTRIBUTE) + "…";
            list.addObject().put("key", key).putObject("value").put("stringValue", text);
        });
    }

    private static void event(ObjectNode span, String name, Instant at, Map<String, String> values) {
        ObjectNode event = ((ArrayNode) span.get("events")).addObject().put("name", name).put("timeUnixNano", nanos(at));
        attributes(event, values);
    }

    private static void status(ObjectNode span, boolean ok, String message) {
        ObjectNode status = span.putObject("status").put("code", ok ? 1 : 2);
        if (!ok && message != null) status.put("message", message.length() > MAX_ATTRIBUTE ? message.substring(0, MAX_ATTRIBUTE) : message);
    }

    private static String nanos(Instant at) {
        return java.math.BigInteger.valueOf(at.getEpochSecond()).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                .add(java.math.BigInteger.valueOf(at.getNano())).toString();
    }

    /** Stable ids: the first {@code bytes} bytes of SHA-256 of the name, as hex. */
    private static String hex(String name, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
