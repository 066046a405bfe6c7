package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approvals inbox on a real sandbox engine: the checkout run parks on its Ring 2 rollback until a person answers. */
class ApprovalsInboxTest {
    @TempDir
    Path dir;

    private static void waitForTheRollbackRequest(CockpitFixture f) throws Exception {
        CockpitFixture.until(60, () -> f.inbox().getItems().size() == 1);
        f.robot.clickOn("#approvals-list");
    }

    @Test
    void pressingAThenConfirmingRing2GrantsTheRequestAndTheRollbackRunsOnce() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            AgentRuntime.RunHandle run = f.startCheckoutIncident();
            waitForTheRollbackRequest(f);
            assertThat(f.<Label>node("#approval-tool").getText()).isEqualTo("rollback_deployment");
            assertThat(f.<Label>node("#approval-countdown").getText()).startsWith("expires in");

            f.robot.type(KeyCode.A);
            CockpitFixture.until(5, () -> f.shown("#confirm-approve-sheet"));
            assertThat(f.checkoutImage()).as("nothing runs before the Ring 2 confirmation").isEqualTo(SandboxNames.CHECKOUT_IMAGE_BAD);
            f.robot.clickOn("#confirm-approve");

            assertThat(run.result().get(60, TimeUnit.SECONDS).outcome()).isEqualTo("completed");
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_LAST_GOOD);
            assertThat(f.journaled(TraceEvent.ToolResult.class)).filteredOn(r -> r.tool().equals("rollback_deployment") && r.ok())
                    .hasSize(1);
            assertThat(f.journaled(TraceEvent.ApprovalDecided.class)).singleElement()
                    .satisfies(d -> assertThat(d.outcome()).isEqualTo("approved"))
                    .satisfies(d -> assertThat(d.approver()).isEqualTo(CockpitFixture.APPROVER));
            CockpitFixture.until(5, () -> f.inbox().getItems().isEmpty());
            assertThat(f.<ListView<String>>node("#approvals-closed").getItems()).first().asString().contains("granted by alice");
        }
    }

    @Test
    void pressingDAndGivingAReasonDeniesAndTheClusterStaysAsItWas() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            String before = f.engine.sandboxCluster().snapshot();
            AgentRuntime.RunHandle run = f.startCheckoutIncident();
            waitForTheRollbackRequest(f);

            f.robot.type(KeyCode.D);
            CockpitFixture.until(5, () -> f.shown("#deny-sheet"));
            assertThat(f.node("#deny-confirm").isDisabled()).as("no reason, no deny").isTrue();
            f.robot.write("checkout owners are rolling forward");
            f.robot.clickOn("#deny-confirm");

            assertThat(run.result().get(60, TimeUnit.SECONDS).outcome()).isEqualTo("completed");
            assertThat(f.engine.sandboxCluster().snapshot()).isEqualTo(before);
            assertThat(f.journaled(TraceEvent.ApprovalDecided.class)).singleElement()
                    .satisfies(d -> assertThat(d.outcome()).isEqualTo("denied"))
                    .satisfies(d -> assertThat(d.approver()).isEqualTo(CockpitFixture.APPROVER))
                    .satisfies(d -> assertThat(d.comment()).isEqualTo("checkout owners are rolling forward"));
            CockpitFixture.until(5, () -> f.<ListView<String>>node("#approvals-closed").getItems().stream()
                    .anyMatch(s -> s.contains("denied by alice")));
        }
    }

    @Test
    void editingTheRevisionThenApprovingRunsTheEditedCallNotTheOriginal() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            AgentRuntime.RunHandle run = f.startCheckoutIncident();
            waitForTheRollbackRequest(f);

            f.robot.type(KeyCode.E);
            CockpitFixture.until(5, () -> f.shown("#edit-sheet"));
            TextArea original = f.node("#edit-original");
            TextArea edited = f.node("#edit-args");
            assertThat(original.getText()).contains("\"revision\" : 2");
            f.robot.interact(() -> edited.setText(edited.getText().replace("\"revision\" : 2", "\"revision\" : 1")));
            assertThat(original.getText()).as("the original stays beside the edit").contains("\"revision\" : 2");
            f.robot.clickOn("#edit-approve");

            assertThat(run.result().get(60, TimeUnit.SECONDS).outcome()).isEqualTo("completed");
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_V1);
            TraceEvent.ApprovalDecided decided = f.journaled(TraceEvent.ApprovalDecided.class).getFirst();
            assertThat(decided.outcome()).isEqualTo("edited");
            assertThat(decided.editedArgsJson()).contains("\"revision\":1");
            assertThat(decided.editedDigest()).isNotEqualTo(decided.digest());
            assertThat(f.journaled(TraceEvent.ToolResult.class)).filteredOn(r -> r.tool().equals("rollback_deployment") && r.ok())
                    .hasSize(1);
        }
    }

    @Test
    void anEditTheGateRefusesKeepsTheRequestPendingAndSaysWhy() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.startCheckoutIncident();
            waitForTheRollbackRequest(f);
            String before = f.engine.sandboxCluster().snapshot();

            f.robot.type(KeyCode.E);
            CockpitFixture.until(5, () -> f.shown("#edit-sheet"));
            TextArea edited = f.node("#edit-args");
            f.robot.interact(() -> edited.setText(edited.getText().replace("\"revision\" : 2", "\"revision\" : \"latest\"")));
            f.robot.clickOn("#edit-approve");

            CockpitFixture.until(5, () -> f.<Label>node("#edit-error").getText().contains("not allowed"));
            assertThat(f.shown("#edit-sheet")).isTrue();
            assertThat(f.engine.governance().inbox().pending()).hasSize(1);
            assertThat(f.engine.sandboxCluster().snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aRequestNobodyAnswersExpiresAndLeavesTheInboxAsExpired() throws Exception {
        try (CockpitFixture f = CockpitFixture.openWithPolicy(dir, "ttl: 15m", "ttl: 3s")) {
            AgentRuntime.RunHandle run = f.startCheckoutIncident();
            CockpitFixture.until(60, () -> f.inbox().getItems().size() == 1);
            CockpitFixture.until(30, () -> f.inbox().getItems().isEmpty());
            assertThat(f.<ListView<String>>node("#approvals-closed").getItems()).first().asString()
                    .startsWith("rollback_deployment").endsWith("expired");
            run.result().get(60, TimeUnit.SECONDS);
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_BAD);
            assertThat(f.journaled(TraceEvent.ApprovalExpired.class)).hasSize(1);
        }
    }
}
