package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.policy.Policy;
import dev.ringside.policy.PolicyException;
import dev.ringside.policy.PolicyLoader;
import dev.ringside.testing.MutableClock;
import dev.ringside.testing.RecordedTrace;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A governance stack on the default (or a given) policy, a hand-moved clock and a recorded trace. */
final class GateFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    final MutableClock clock = MutableClock.at("2026-11-21T03:00:00Z");
    final RecordedTrace trace = new RecordedTrace();
    final Set<String> executed = ConcurrentHashMap.newKeySet();
    final Governance governance;
    private final AtomicInteger ids = new AtomicInteger();

    GateFixture() throws PolicyException {
        this(PolicyLoader.loadDefault());
    }

    GateFixture(Policy policy) {
        governance = new Governance(ActivePolicy.of(policy), trace, (digest, requestId) -> executed.add(digest), clock);
    }

    static Policy policy(String yaml) throws PolicyException {
        return PolicyLoader.parse("test-policy.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    Gate gate() {
        return governance.gate();
    }

    ProposedCall call(String agent, String tool, String argsJson) {
        return ProposedCall.of("call-" + ids.incrementAndGet(), "run-1", agent, null, tool, json(argsJson));
    }

    Decision decide(String agent, String tool, String argsJson) {
        return gate().decide(call(agent, tool, argsJson));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
