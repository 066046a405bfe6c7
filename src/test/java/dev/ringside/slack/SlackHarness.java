package dev.ringside.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.Decision;
import dev.ringside.gate.Governance;
import dev.ringside.gate.ProposedCall;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.OutboxMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The real governance stack on a real journal file, a local Slack (Web API + Socket Mode) and
 * the bridge between them.
 */
final class SlackHarness implements AutoCloseable {
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String MALLORY = "U0MALLORY";
    static final String CHANNEL = "C0OPS";
    static final String ROLLBACK = "{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":3}";

    final Path dir;
    final FakeSlack slack = new FakeSlack();
    final FakeSocketMode socketMode;
    SlackSettings settings;
    Journal journal;
    Governance governance;
    SlackBridge bridge;
    private final AtomicInteger calls = new AtomicInteger();

    SlackHarness(Path dir) throws Exception {
        this(dir, java.util.function.UnaryOperator.identity());
    }

    SlackHarness(Path dir, java.util.function.UnaryOperator<SlackSettings> adjust) throws Exception {
        this.dir = dir;
        socketMode = new FakeSocketMode();
        slack.socketModeUrl(socketMode.url());
        settings = SlackSettings.fromEnvironment(Map.of(
                        SlackSettings.BOT_TOKEN, "xoxb-test-bot",
                        SlackSettings.APP_TOKEN, "xapp-test-app",
                        SlackSettings.CHANNEL, CHANNEL,
                        SlackSettings.API_URL, slack.apiUrl().toString(),
                        SlackSettings.APPROVERS, ALICE + "=alice@example.com," + BOB + "=bob@example.com"))
                .orElseThrow()
                .withRetry(new SlackSettings.Retry(Duration.ofMillis(50), Duration.ofMillis(400)));
        settings = adjust.apply(settings);
        openEngine();
    }

    /** Journal, governance and bridge, as the engine would start them. */
    void openEngine() {
        journal = Journal.open(JournalOptions.at(dir.resolve("journal.db")));
        governance = new Governance(ActivePolicy.load(null), journal::record, journal::claimExecution, Clock.systemUTC());
        bridge = SlackBridge.start(governance, journal, settings);
    }

    void closeEngine() {
        bridge.close();
        journal.close();
    }

    void awaitConnected() {
        await("the Socket Mode link to connect", bridge::connected);
    }

    dev.ringside.gate.Gate gate() {
        return governance.gate();
    }

    ApprovalRequest requestRollback() {
        ProposedCall call = new ProposedCall("call-" + calls.incrementAndGet(), "run-1", "crashloop-agent", null,
                "rollback_deployment", json(ROLLBACK), null, "checkout crashes since revision 4 <!channel>",
                "1 deployment (shop/checkout), 3 pods", List.of(), null);
        return ((Decision.NeedsApproval) governance.gate().decide(call)).request();
    }

    /** A block_actions click on one of our buttons, as Slack sends it over Socket Mode. */
    String click(String user, String actionId, String value) throws Exception {
        ObjectNode payload = FakeSlack.JSON.createObjectNode().put("type", "block_actions");
        payload.putObject("user").put("id", user).put("username", user.substring(2).toLowerCase());
        payload.putObject("channel").put("id", CHANNEL);
        payload.putObject("container").put("type", "message").put("channel_id", CHANNEL);
        payload.putArray("actions").addObject().put("action_id", actionId).put("value", value).put("type", "button");
        return socketMode.send("interactive", payload);
    }

    String slash(String user, String text) throws Exception {
        ObjectNode payload = FakeSlack.JSON.createObjectNode().put("command", "/ringside").put("text", text)
                .put("user_id", user).put("user_name", user.substring(2).toLowerCase()).put("channel_id", CHANNEL);
        return socketMode.send("slash_commands", payload);
    }

    /** Private replies Slack was asked to show {@code user}. */
    List<String> whispersTo(String user) {
        return slack.requests("chat.postEphemeral").stream().filter(c -> user.equals(c.params().get("user")))
                .map(FakeSlack.Call::text).toList();
    }

    /** Every outbox row, delivered or not, in id (delivery) order. */
    List<OutboxMessage> outbox() {
        List<OutboxMessage> rows = new ArrayList<>();
        for (long id = 1; ; id++) {
            var row = journal.outboxMessage(id);
            if (row.isEmpty()) {
                return rows;
            }
            rows.add(row.get());
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return FakeSlack.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws Exception {
        closeEngine();
        socketMode.close();
        slack.close();
    }
}
