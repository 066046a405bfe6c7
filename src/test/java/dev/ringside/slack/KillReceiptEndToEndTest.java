package dev.ringside.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.app.Engine;
import dev.ringside.cluster.sandbox.SandboxNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole kill with Slack down: the gate halts at once, the agents lose their power in the
 * (sandbox) cluster, and the receipt listing every cluster step reaches Slack once it is back.
 */
class KillReceiptEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void slackDownDuringAKillDelaysOnlyTheReceipt() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            SlackSettings settings = SlackSettings.fromEnvironment(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test",
                            SlackSettings.CHANNEL, "C0OPS", SlackSettings.API_URL, slack.apiUrl().toString())).orElseThrow()
                    .withRetry(new SlackSettings.Retry(Duration.ofMillis(50), Duration.ofMillis(300)));
            slack.down();
            try (Engine engine = Engine.sandbox(dir.resolve("journal.db"), null, Models.fromEnvironment(ModelSettings.OFFLINE))) {
                engine.connectSlack(Optional.of(settings));
                engine.governance().killSwitch().kill("alice", "drill with Slack down");
                assertThat(engine.governance().gate().decide(dev.ringside.gate.ProposedCall.of("c1", "r1", "crashloop-agent",
                        null, "list_pods", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .put("namespace", "shop"))).rule()).isEqualTo("kill");
                assertThat(engine.awaitClusterKill(Duration.ofSeconds(30))).isTrue();
                var cluster = engine.sandboxCluster().adminClient();
                assertThat(cluster.serviceAccounts().inNamespace(SandboxNames.AGENTS).withName("crashloop-agent").get()).isNull();
                assertThat(slack.accepted()).isEmpty();

                slack.up();
                SlackHarness.await("the kill receipt with every cluster step", () -> slack.accepted().stream()
                        .map(c -> c.text() + c.blocks())
                        .anyMatch(text -> text.contains("scale-to-zero") && text.contains("deny-network")
                                && text.contains("revoke-bindings") && text.contains("invalidate-credentials")));
                engine.journal().flush();
                SlackHarness.await("everything queued for Slack to be delivered", () -> engine.journal().pending(1).isEmpty());
                assertThat(slack.accepted()).as("the receipt lists steps, not the copy of what was revoked")
                        .noneSatisfy(c -> assertThat(c.text() + c.blocks()).contains("agentSelector"));
            }
        }
    }
}
