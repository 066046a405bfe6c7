package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fail closed, loudly: with no valid policy the window shows a red alarm, and with one it shows its source and hash. */
class PolicyAlarmTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenPolicyRaisesTheRedAlarmWithTheReason() throws Exception {
        try (CockpitFixture f = CockpitFixture.openWithPolicyText(dir, "version: 1\nagents: [ {id: crashloop-agent, ring: 7\n")) {
            CockpitFixture.until(5, () -> f.shown("#policy-alarm"));
            Label alarm = f.node("#policy-alarm");
            assertThat(alarm.getText()).startsWith("NO POLICY LOADED").contains("denies every agent call").contains("policy.yaml");
            assertThat(f.<Label>node("#status-policy").getText()).contains("NO POLICY");
            assertThat(f.node("#status-policy").getStyleClass()).contains("status-alarm");
        }
    }

    @Test
    void aLoadedPolicyShowsItsSourceAndHashAndNoAlarm() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            CockpitFixture.until(5, () -> f.<Label>node("#status-policy").getText().startsWith("Policy: "));
            assertThat(f.shown("#policy-alarm")).isFalse();
            assertThat(f.<Label>node("#status-model").getText()).contains("offline planner — no LLM");
            assertThat(f.<Label>node("#status-slack").getText()).isEqualTo("Slack: not configured");
            CockpitFixture.until(20, () -> f.<Label>node("#status-audit").getText().startsWith("Audit chain intact"));
            assertThat(f.<Label>node("#status-audit").getText()).as("a count is only true as of its check")
                    .matches("Audit chain intact · \\d+ entries · checked \\d\\d:\\d\\d:\\d\\d");
        }
    }
}
