package dev.ringside.journal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    @Test
    void everyEventTypeSurvivesEncodingAndDecoding() {
        for (TraceEvent event : SampleEvents.oneOfEach()) {
            String payload = EventCodec.encode(event);
            assertThat(EventCodec.decode(event.type(), payload)).isEqualTo(event);
        }
    }

    @Test
    void samplesCoverEveryEventType() {
        Set<Class<?>> sampled = SampleEvents.oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(TraceEvent.class.getPermittedSubclasses());
    }

    @Test
    void everyPermittedEventHasAStableWireName() {
        Set<Class<?>> mapped = Arrays.stream(EventType.values()).map(EventType::recordClass).collect(Collectors.toSet());
        assertThat(mapped).containsExactlyInAnyOrder(TraceEvent.class.getPermittedSubclasses());
        assertThat(new TraceEvent.RunStarted("r", "t", "live", "m").type()).isEqualTo("run_started");
        assertThat(new TraceEvent.ToolCallProposed("c", "t", "{}").type()).isEqualTo("tool_call_proposed");
        assertThat(new TraceEvent.KillStep("k", "s", "requested", "d").type()).isEqualTo("kill_step");
        assertThat(new TraceEvent.AccessRefused("slack", "U1", "kill", "r").type()).isEqualTo("access_refused");
    }

    @Test
    void exactlyDecisionsApprovalsKillStepsAndRevocationsBreakerChangesAndRefusedAccessAreAudited() {
        Set<String> audited = Arrays.stream(EventType.values()).filter(EventType::audited)
                .map(EventType::wireName).collect(Collectors.toSet());
        assertThat(audited).containsExactlyInAnyOrder("decision_made", "approval_requested", "approval_decided",
                "approval_expired", "kill_step", "kill_revocation", "breaker_changed", "access_refused");
        assertThat(new TraceEvent.ApprovalExpired("r", "d").audited()).isTrue();
        assertThat(new TraceEvent.ModelRequest("m", "p").audited()).isFalse();
        assertThat(new TraceEvent.AccessRefused("slack", "U1", "kill", "not allowed").audited()).isTrue();
        assertThat(new TraceEvent.KillRevocation("k", "{}").audited()).isTrue();
    }

    @Test
    void refusedAccessRoundTripsWithEveryField() {
        TraceEvent refused = new TraceEvent.AccessRefused("slack", "U999ZZZ (mallory)", "approve req-1 digest ab12",
                "U999ZZZ is not on the Slack approver allowlist");
        String payload = EventCodec.encode(refused);
        assertThat(payload).isEqualTo("{\"action\":\"approve req-1 digest ab12\",\"channel\":\"slack\","
                + "\"reason\":\"U999ZZZ is not on the Slack approver allowlist\",\"who\":\"U999ZZZ (mallory)\"}");
        assertThat(EventCodec.decode("access_refused", payload)).isEqualTo(refused);
    }

    @Test
    void payloadIsCanonicalJson() {
        for (TraceEvent event : SampleEvents.oneOfEach()) {
            String payload = EventCodec.encode(event);
            assertThat(CanonicalJson.canonical(payload)).isEqualTo(payload);
        }
        assertThat(EventCodec.encode(new TraceEvent.BreakerChanged("closed", "open", "x")))
                .isEqualTo("{\"from\":\"closed\",\"reason\":\"x\",\"to\":\"open\"}");
    }

    @Test
    void unknownStoredTypeIsAClearError() {
        assertThatThrownBy(() -> EventCodec.decode("teleported", "{}"))
                .isInstanceOf(JournalException.class).hasMessageContaining("unknown trace event type 'teleported'");
    }
}
