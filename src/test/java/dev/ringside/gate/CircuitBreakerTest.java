package dev.ringside.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.journal.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final String POD = "{\"namespace\":\"shop\",\"name\":\"web-1\"}";
    private final GateFixture f = new GateFixture();

    CircuitBreakerTest() throws Exception {
    }

    private Decision deletePod() {
        return f.decide("crashloop-agent", "delete_pod", POD);
    }

    private CircuitBreaker.State state() {
        return f.governance.breakers().of("crashloop-agent").state();
    }

    @Test
    void tooManyDestructiveActionsInTheWindowOpenTheBreakerAndPage() {
        java.util.List<String> pages = new java.util.ArrayList<>();
        f.governance.breakers().addPager((agent, from, to, reason) -> pages.add(agent + ":" + to));
        for (int i = 0; i < 5; i++) assertThat(deletePod().rule()).isEqualTo("allow");
        Decision sixth = deletePod();
        assertThat(sixth.rule()).isEqualTo("breaker");
        assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(pages).containsExactly("crashloop-agent:OPEN");
        // an open breaker pauses the agent: reads are refused too
        assertThat(f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("breaker");
        assertThat(f.trace.of(TraceEvent.BreakerChanged.class)).extracting(TraceEvent.BreakerChanged::to).containsExactly("OPEN");
    }

    @Test
    void destructiveActionsOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 5; i++) deletePod();
        f.clock.advance(Duration.ofMinutes(11));
        assertThat(deletePod().rule()).isEqualTo("allow");
        assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void repeatedFailuresOpenTheBreaker() {
        for (int i = 0; i < 3; i++) {
            ProposedCall call = f.call("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
            f.gate().decide(call);
            f.gate().reportOutcome(call, false);
        }
        assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void afterCoolDownOneProbeDecidesBetweenClosedAndOpen() {
        for (int i = 0; i < 6; i++) deletePod();
        f.clock.advance(Duration.ofMinutes(5));
        ProposedCall probe = f.call("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        Decision probeDecision = f.gate().decide(probe);
        assertThat(probeDecision).isInstanceOfSatisfying(Decision.Allow.class, a -> assertThat(a.breakerProbe()).isTrue());
        assertThat(state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(f.decide("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}").rule()).isEqualTo("breaker");
        f.gate().reportOutcome(probe, true);
        assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(deletePod().rule()).isEqualTo("allow");
    }

    @Test
    void failedProbeOpensTheBreakerAgain() {
        for (int i = 0; i < 6; i++) deletePod();
        f.clock.advance(Duration.ofMinutes(5));
        ProposedCall probe = f.call("crashloop-agent", "list_pods", "{\"namespace\":\"shop\"}");
        f.gate().decide(probe);
        f.gate().reportOutcome(probe, false);
        assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(deletePod().rule()).isEqualTo("breaker");
    }

    @Test
    void aPersonCanReArmAnOpenBreaker() {
        for (int i = 0; i < 6; i++) deletePod();
        f.governance.breakers().rearm("crashloop-agent", "alice", "false alarm, pods were flapping");
        assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(deletePod().rule()).isEqualTo("allow");
        assertThat(f.trace.of(TraceEvent.BreakerChanged.class).getLast().reason()).contains("alice").contains("flapping");
    }

    @Test
    void breakersAreSeparatePerAgent() {
        for (int i = 0; i < 6; i++) deletePod();
        assertThat(f.decide("oom-agent", "delete_pod", POD).rule()).isEqualTo("allow");
    }
}
