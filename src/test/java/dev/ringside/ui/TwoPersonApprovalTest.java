package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-person request in the cockpit: the first approval only counts, the inbox says who has
 * approved so far, the same person cannot count twice, and a second person's approval runs the call once.
 */
class TwoPersonApprovalTest {
    @TempDir
    Path dir;

    private static void approveWithConfirmation(CockpitFixture f) throws Exception {
        f.robot.clickOn("#approvals-list");
        f.robot.type(KeyCode.A);
        CockpitFixture.until(5, () -> f.shown("#confirm-approve-sheet"));
        f.robot.clickOn("#confirm-approve");
        CockpitFixture.until(5, () -> !f.shown("#confirm-approve-sheet"));
    }

    private static void becomeApprover(CockpitFixture f, String name) throws Exception {
        f.robot.clickOn("#settings");
        CockpitFixture.until(5, () -> f.shown("#settings-sheet"));
        TextField field = f.node("#settings-approver");
        f.robot.interact(() -> field.setText(name));
        f.robot.clickOn("#settings-apply");
        f.robot.type(KeyCode.ESCAPE);
        CockpitFixture.until(5, () -> f.vm.approverProperty().get().equals(name));
    }

    @Test
    void theRollbackRunsOnlyAfterASecondDistinctPersonApproves() throws Exception {
        try (CockpitFixture f = CockpitFixture.openWithPolicy(dir, "two_person: [set_image, cordon_node, get_secret]",
                "two_person: [rollback_deployment, set_image, cordon_node, get_secret]")) {
            AgentRuntime.RunHandle run = f.startCheckoutIncident();
            CockpitFixture.until(60, () -> f.inbox().getItems().size() == 1);
            f.robot.clickOn("#approvals-list");
            assertThat(f.<Label>node("#approval-approvers").getText()).startsWith("no approvals yet (0 of 2)");

            approveWithConfirmation(f);
            CockpitFixture.until(5, () -> f.<Label>node("#approval-approvers").getText().startsWith("approved by alice (1 of 2)"));
            assertThat(f.inbox().getItems()).as("one approval of two leaves the request pending").hasSize(1);
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_BAD);

            approveWithConfirmation(f);
            CockpitFixture.until(5, () -> !f.<Label>node("#approval-error").getText().isEmpty());
            assertThat(f.<Label>node("#approval-error").getText()).as("alice cannot be both people").contains("rollback_deployment");
            assertThat(f.<Label>node("#approval-approvers").getText()).startsWith("approved by alice (1 of 2)");
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_BAD);

            becomeApprover(f, "bob");
            approveWithConfirmation(f);

            assertThat(run.result().get(60, TimeUnit.SECONDS).outcome()).isEqualTo("completed");
            assertThat(f.checkoutImage()).isEqualTo(SandboxNames.CHECKOUT_IMAGE_LAST_GOOD);
            assertThat(f.journaled(TraceEvent.ToolResult.class)).filteredOn(r -> r.tool().equals("rollback_deployment") && r.ok())
                    .hasSize(1);
            CockpitFixture.until(5, () -> f.inbox().getItems().isEmpty());
            assertThat(f.<ListView<String>>node("#approvals-closed").getItems()).first().asString().contains("bob");
        }
    }
}
