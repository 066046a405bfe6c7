package dev.ringside.slack;

import static dev.ringside.slack.SlackHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.Decision;
import dev.ringside.gate.KillSwitch;
import dev.ringside.gate.ProposedCall;
import dev.ringside.journal.OutboxMessage;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackDeliveryTest {
    @TempDir
    Path dir;

    private static List<String> texts(List<FakeSlack.Call> calls) {
        return calls.stream().map(FakeSlack.Call::text).toList();
    }

    private static String textOf(OutboxMessage row) {
        return SlackHarness.json(row.payloadJson()).path("text").asText();
    }

    @Test
    void aRateLimitedMessageIsDeliveredOnceAfterRetryAfterAndTheNextWaitsBehindIt() throws Exception {
        try (SlackHarness h = new SlackHarness(dir)) {
            h.slack.rateLimitNext(1, 1);
            ApprovalRequest first = h.requestRollback();
            ApprovalRequest second = h.requestRollback();

            await("both cards to be delivered", () -> h.outbox().size() == 2 && h.outbox().stream().noneMatch(OutboxMessage::pending));

            assertThat(h.slack.requests("chat.postMessage")).hasSize(3);
            List<OutboxMessage> rows = h.outbox();
            assertThat(texts(h.slack.accepted())).containsExactly(textOf(rows.get(0)), textOf(rows.get(1)));
            assertThat(h.slack.accepted().get(0).params().get("blocks")).contains(first.id()).doesNotContain(second.id());
            assertThat(h.slack.accepted().get(1).params().get("blocks")).contains(second.id());
            assertThat(rows.get(0).attempts()).isEqualTo(2);
            assertThat(rows).allSatisfy(row -> assertThat(row.status()).isEqualTo("delivered"));
        }
    }

    @Test
    void whenSlackIsDownDuringAKillTheKillStillCompletesAndTheReceiptArrivesInOrderOnceSlackIsBack() throws Exception {
        try (SlackHarness h = new SlackHarness(dir)) {
            ApprovalRequest pending = h.requestRollback();
            await("the card to be delivered", () -> h.outbox().size() == 1 && !h.outbox().getFirst().pending());
            h.slack.down();

            KillSwitch.Killed kill = h.governance.killSwitch().kill("alice@example.com", "agents misbehaving");
            ProposedCall after = ProposedCall.of("call-after", "run-1", "crashloop-agent", null, "list_pods",
                    SlackHarness.json("{\"namespace\":\"shop\"}"));
            assertThat(h.gate().decide(after)).isInstanceOfSatisfying(Decision.Deny.class,
                    deny -> assertThat(deny.rule()).isEqualTo("kill"));
            assertThat(h.governance.inbox().status(pending.id())).containsInstanceOf(dev.ringside.gate.ApprovalStatus.Voided.class);
            // The cluster's part of the kill, as the cluster adapter records it.
            h.journal.record(KillSwitch.RUN_ID, "alice@example.com",
                    new TraceEvent.KillStep(kill.killId(), "revoke-credentials", "requested", "3 agents"));
            h.journal.record(KillSwitch.RUN_ID, "alice@example.com",
                    new TraceEvent.KillStep(kill.killId(), "revoke-credentials", "confirmed", "rolebindings removed"));

            await("the receipt to be queued", () -> h.outbox().stream().filter(OutboxMessage::pending).count() >= 6);
            assertThat(h.slack.accepted()).hasSize(1);
            h.slack.up();

            await("everything to go through", () -> h.outbox().stream().noneMatch(OutboxMessage::pending));
            List<OutboxMessage> rows = h.outbox();
            assertThat(texts(h.slack.accepted())).as("delivered exactly once each, in outbox order")
                    .containsExactlyElementsOf(rows.stream().map(SlackDeliveryTest::textOf).toList());

            FakeSlack.Message receipt = h.slack.messages().stream().filter(m -> m.text().contains("kill receipt"))
                    .findFirst().orElseThrow();
            String steps = receipt.blocks().toString();
            assertThat(steps).contains("*local-halt* confirmed", "*revoke-credentials* confirmed", "rolebindings removed",
                    "every step confirmed");
            assertThat(h.slack.message(rows.getFirst().remoteId()).text()).as("the card, edited in place").contains("Voided");
            FakeSlack.Message witness = h.slack.messages().stream().filter(m -> m.text().contains("Audit chain head"))
                    .findFirst().orElseThrow();
            assertThat(witness.text()).contains(h.journal.journalId(), "kill " + kill.killId()).containsPattern("seq [1-9]\\d*, hash [0-9a-f]{64}");
        }
    }

    @Test
    void messagesQueuedWhileSlackIsDownAreDeliveredAfterARestart() throws Exception {
        try (SlackHarness h = new SlackHarness(dir)) {
            h.slack.down();
            ApprovalRequest request = h.requestRollback();
            await("the card to be queued", () -> h.outbox().size() == 1);
            h.closeEngine();

            h.slack.up();
            h.openEngine();

            await("the card to be delivered", () -> !h.outbox().getFirst().pending());
            assertThat(h.slack.accepted()).hasSize(1);
            assertThat(h.slack.accepted().getFirst().params().get("blocks")).contains(request.id());
            assertThat(h.outbox()).singleElement().satisfies(row -> {
                assertThat(row.status()).isEqualTo("delivered");
                assertThat(row.remoteId()).isEqualTo(h.slack.messages().getFirst().ts());
            });
        }
    }

    @Test
    void theAuditHeadIsWitnessedPeriodically() throws Exception {
        try (SlackHarness h = new SlackHarness(dir, s -> s.withWitnessEvery(Duration.ofMillis(100)))) {
            await("two witnesses", () -> h.slack.accepted().stream().filter(c -> c.text().contains("Audit chain head")).count() >= 2);
            JsonNode blocks = h.slack.accepted().getFirst().blocks();
            assertThat(blocks.toString()).contains("Audit witness", h.journal.journalId());
        }
    }
}
