package dev.ringside.journal;

import java.time.Instant;
import java.util.List;

/** One event of every type, with awkward content (unicode, quotes, newlines, nulls where allowed). */
final class SampleEvents {

    private SampleEvents() {
    }

    static List<TraceEvent> oneOfEach() {
        return List.of(
                new TraceEvent.RunStarted("crashloop", "pod shop/cart-7f9 in CrashLoopBackOff", "dry-run", "qwen3:8b"),
                new TraceEvent.ModelRequest("qwen3:8b", "Why does \"cart\" crash?\nLogs:\n\tOOMKilled — ünïcødé 🚒"),
                new TraceEvent.ModelResponse("qwen3:8b", "memory limit too low", "{\"tool\":\"get_pod_logs\"}"),
                new TraceEvent.ToolCallProposed("call-1", "scale_deployment", "{\"namespace\":\"shop\",\"name\":\"cart\",\"replicas\":3}"),
                new TraceEvent.DecisionMade("call-1", "scale_deployment", "approval", "approval/ring2", "ring 2 needs a human", "ab12"),
                new TraceEvent.ApprovalRequested("req-1", "ab12", "scale_deployment", "{\"replicas\":3}", 2,
                        Instant.parse("2025-11-21T10:15:30.123456789Z"), 1, "cart is overloaded", "1 deployment, 3 pods"),
                new TraceEvent.ApprovalDecided("req-1", "ab12", "edited", "alice", "2 is enough", "{\"replicas\":2}", "cd34"),
                new TraceEvent.ApprovalDecided("req-2", "ef56", "denied", "bob", "no", null, null),
                new TraceEvent.ApprovalExpired("req-3", "9999"),
                new TraceEvent.ToolResult("call-1", "scale_deployment", true, "{\"replicas\":2}", 1234567890123L),
                new TraceEvent.InjectionFlagged("call-2", "log-line", "ignore previous instructions", "keyword"),
                new TraceEvent.BreakerChanged("closed", "open", "3 failures in 5 minutes"),
                new TraceEvent.KillStep("kill-1", "revoke-credentials", "confirmed", "rolebinding removed"),
                new TraceEvent.AccessRefused("slack", "U999ZZZ (mallory \"m\")", "approve req-1",
                        "not on the approver allowlist"),
                new TraceEvent.KillRevocation("kill-1", "{\"killId\":\"kill-1\",\"bindings\":[]}"),
                new TraceEvent.RunEnded("resolved", "scaled cart to 2 replicas"));
    }
}
