package dev.ringside.slack;

import static dev.ringside.slack.SlackHarness.ALICE;
import static dev.ringside.slack.SlackHarness.BOB;
import static dev.ringside.slack.SlackHarness.MALLORY;
import static dev.ringside.slack.SlackHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringside.gate.ApprovalGrant;
import dev.ringside.gate.ApprovalRefused;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.ApprovalStatus;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackApprovalsTest {
    @TempDir
    Path dir;
    SlackHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(dir);
        h.awaitConnected();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private FakeSlack.Message postedCard() {
        await("the approval card to be posted", () -> !h.slack.messages().isEmpty());
        return h.slack.messages().getFirst();
    }

    private static String allText(JsonNode blocks) {
        StringBuilder text = new StringBuilder();
        blocks.findValues("text").forEach(t -> text.append(t.isTextual() ? t.asText() : t.path("text").asText()).append('\n'));
        return text.toString();
    }

    private static JsonNode buttons(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                return block.path("elements");
            }
        }
        throw new AssertionError("no actions block in " + blocks);
    }

    @Test
    void aNewRequestIsPostedWithTheCallRingDigestReasoningBlastRadiusExpiryAndButtons() {
        ApprovalRequest request = h.requestRollback();

        FakeSlack.Message card = postedCard();
        String text = allText(card.blocks());
        assertThat(card.channel()).isEqualTo(SlackHarness.CHANNEL);
        assertThat(text).contains("rollback_deployment", "\"revision\" : 3", "*Ring*\n2", request.digest(),
                request.digest().substring(0, 12), "checkout crashes since revision 4", "1 deployment (shop/checkout), 3 pods",
                request.expiresAt().toString());
        assertThat(text).as("agent text cannot ping the channel").doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        JsonNode buttons = buttons(card.blocks());
        assertThat(buttons.findValuesAsText("action_id")).containsExactly("ringside.approve", "ringside.deny");
        assertThat(buttons.get(0).path("value").asText()).isEqualTo(request.id() + "|" + request.digest());
        assertThat(buttons.get(0).has("confirm")).as("ring 2 approval asks for confirmation").isTrue();
        assertThat(h.slack.requests("chat.postMessage").getFirst().authorization()).isEqualTo("Bearer xoxb-test-bot");
    }

    @Test
    void anApprovalFromSlackExecutesExactlyOnceAndASecondClickIsRefused() throws Exception {
        ApprovalRequest request = h.requestRollback();
        postedCard();

        h.click(ALICE, ApprovalCard.APPROVE, ApprovalCard.buttonValue(request));
        ApprovalStatus status = h.governance.inbox().outcome(request.id()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        ApprovalGrant grant = ((ApprovalStatus.Granted) status).grant();
        assertThat(grant.approvers()).containsExactly("alice@example.com");
        assertThat(grant.digest()).isEqualTo(request.digest());

        h.gate().claimApproved(grant, request.digest());
        String second = h.click(BOB, ApprovalCard.APPROVE, ApprovalCard.buttonValue(request));
        h.socketMode.ack(second);
        await("bob to be told", () -> !h.whispersTo(BOB).isEmpty());
        assertThat(h.whispersTo(BOB).getFirst()).contains("already approved");
        assertThatThrownBy(() -> h.gate().claimApproved(grant, request.digest()))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("already executed once");

        await("the card to show who approved", () -> allText(postedCard().blocks()).contains("Approved* by alice@example.com"));
        assertThat(postedCard().blocks().findValues("action_id")).as("no buttons once decided").isEmpty();
    }

    @Test
    void everyEnvelopeIsAcknowledged() throws Exception {
        ApprovalRequest request = h.requestRollback();
        String envelope = h.click(ALICE, ApprovalCard.DENY, ApprovalCard.buttonValue(request));
        assertThat(h.socketMode.ack(envelope).path("envelope_id").asText()).isEqualTo(envelope);
    }

    @Test
    void aDenialFromSlackCarriesWhoDeniedIt() throws Exception {
        ApprovalRequest request = h.requestRollback();

        h.click(BOB, ApprovalCard.DENY, ApprovalCard.buttonValue(request));

        assertThat(h.governance.inbox().outcome(request.id()).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(new ApprovalStatus.Denied("bob@example.com", "denied in Slack by bob@example.com"));
        await("the card to show the denial", () -> allText(postedCard().blocks()).contains("Denied* by bob@example.com"));
    }

    @Test
    void anUnlistedUserIsRefusedPrivatelyAndTheAttemptIsJournaled() throws Exception {
        ApprovalRequest request = h.requestRollback();

        h.socketMode.ack(h.click(MALLORY, ApprovalCard.APPROVE, ApprovalCard.buttonValue(request)));

        await("mallory to be told", () -> !h.whispersTo(MALLORY).isEmpty());
        assertThat(h.whispersTo(MALLORY).getFirst()).contains("not on Ringside's approver list", MALLORY);
        assertThat(h.governance.inbox().status(request.id())).containsInstanceOf(ApprovalStatus.Pending.class);
        h.journal.flush();
        assertThat(h.journal.readRun(SlackInteractions.RUN_ID)).extracting(JournalEntry::event).singleElement()
                .isInstanceOfSatisfying(TraceEvent.AccessRefused.class, refused -> {
                    assertThat(refused.channel()).isEqualTo("slack");
                    assertThat(refused.who()).contains(MALLORY);
                    assertThat(refused.action()).contains("approve", request.id(), request.digest());
                    assertThat(refused.audited()).isTrue();
                });
    }

    @Test
    void aButtonForAnotherDigestIsRefused() throws Exception {
        ApprovalRequest request = h.requestRollback();

        h.click(ALICE, ApprovalCard.APPROVE, request.id() + "|" + "0".repeat(64));

        await("alice to be told", () -> !h.whispersTo(ALICE).isEmpty());
        assertThat(h.whispersTo(ALICE).getFirst()).contains("Not done", "edited after it was shown");
        assertThat(h.governance.inbox().status(request.id())).containsInstanceOf(ApprovalStatus.Pending.class);
    }

    @Test
    void aDecisionInTheCockpitUpdatesTheSlackMessageWithOutcomeAndApprover() {
        ApprovalRequest request = h.requestRollback();
        String ts = postedCard().ts();

        h.governance.inbox().approve(request.id(), "carol@example.com", "from the cockpit");

        await("the card to be edited", () -> !h.slack.requests("chat.update").isEmpty());
        FakeSlack.Call update = h.slack.requests("chat.update").getFirst();
        assertThat(update.params().get("ts")).isEqualTo(ts);
        assertThat(update.text()).contains("Approved by carol@example.com");
        assertThat(allText(h.slack.message(ts).blocks())).contains("Approved* by carol@example.com");
        assertThat(h.slack.messages()).hasSize(1);
    }

    @Test
    void slashStatusReportsKillSwitchPendingApprovalsAndPolicy() throws Exception {
        h.requestRollback();

        JsonNode reply = h.socketMode.ack(h.slash(ALICE, "status")).path("payload");

        String text = allText(reply.path("blocks"));
        assertThat(text).contains("Armed", "*Pending approvals*\n1", "sha256:");
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void slashKillAsksForConfirmationAndTheConfirmationKillsAsTheAllowlistedPerson() throws Exception {
        JsonNode reply = h.socketMode.ack(h.slash(ALICE, "kill")).path("payload");
        JsonNode button = buttons(reply.path("blocks")).get(0);
        assertThat(button.path("action_id").asText()).isEqualTo(SlackInteractions.KILL);
        assertThat(button.has("confirm")).isTrue();
        assertThat(h.governance.killSwitch().isKilled()).as("typing the command alone kills nothing").isFalse();

        h.click(MALLORY, SlackInteractions.KILL, "kill");
        await("mallory to be told", () -> !h.whispersTo(MALLORY).isEmpty());
        assertThat(h.governance.killSwitch().isKilled()).isFalse();

        h.click(ALICE, SlackInteractions.KILL, "kill");
        await("the kill", () -> h.governance.killSwitch().isKilled());
        assertThat(h.governance.killSwitch().state()).isInstanceOfSatisfying(dev.ringside.gate.KillSwitch.Killed.class,
                k -> assertThat(k).extracting(dev.ringside.gate.KillSwitch.Killed::by,
                        dev.ringside.gate.KillSwitch.Killed::reason).containsExactly("alice@example.com", "from Slack"));
    }

    @Test
    void anUnlistedUserCannotUseSlashCommands() throws Exception {
        JsonNode reply = h.socketMode.ack(h.slash(MALLORY, "status")).path("payload");

        assertThat(reply.path("text").asText()).contains("not on Ringside's approver list");
        h.journal.flush();
        assertThat(h.journal.readRun(SlackInteractions.RUN_ID)).extracting(JournalEntry::event)
                .singleElement().isInstanceOf(TraceEvent.AccessRefused.class);
    }
}
