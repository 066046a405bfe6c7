package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.journal.TraceEvent;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch kills at once, shows only journal-confirmed steps, and re-arms only with a reason and a second yes. */
class KillSwitchCockpitTest {
    @TempDir
    Path dir;

    private static boolean windowKilled(CockpitFixture f) {
        return f.node("#cockpit-root").getStyleClass().contains("killed");
    }

    private static String localHaltStep(CockpitFixture f) {
        return f.robot.lookup("#kill-step-local-halt").tryQuery()
                .map(n -> ((HBox) n).getChildren().stream().filter(Label.class::isInstance).map(c -> ((Label) c).getText())
                        .reduce("", (a, b) -> a + " " + b)).orElse("");
    }

    @Test
    void theButtonKillsAtOnceVoidsWhatIsPendingAndListsTheConfirmedLocalHalt() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.startCheckoutIncident();
            CockpitFixture.until(60, () -> f.<ListView<?>>node("#approvals-list").getItems().size() == 1);

            f.robot.clickOn("#kill-switch");

            assertThat(f.engine.governance().killSwitch().isKilled()).as("no 'are you sure'").isTrue();
            CockpitFixture.until(5, () -> windowKilled(f) && f.shown("#killed-panel"));
            CockpitFixture.until(10, () -> localHaltStep(f).contains("CONFIRMED"));
            assertThat(f.journaled(TraceEvent.KillStep.class)).anySatisfy(k -> {
                assertThat(k.step()).isEqualTo("local-halt");
                assertThat(k.status()).isEqualTo("confirmed");
            });
            CockpitFixture.until(5, () -> f.<ListView<?>>node("#approvals-list").getItems().isEmpty());
            assertThat(f.<ListView<String>>node("#approvals-closed").getItems()).first().asString().contains("voided");
            assertThat(f.<javafx.scene.control.Labeled>node("#kill-switch").getText()).startsWith("KILLED");
        }
    }

    @Test
    void ctrlShiftKKillsEvenWhileTypingInASearchField() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.robot.clickOn("#trace-search").write("rollback");
            assertThat(f.engine.governance().killSwitch().isKilled()).isFalse();

            f.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);

            assertThat(f.engine.governance().killSwitch().isKilled()).isTrue();
            CockpitFixture.until(10, () -> windowKilled(f) && localHaltStep(f).contains("CONFIRMED"));
        }
    }

    @Test
    void aStepShowsRequestedUntilTheJournalConfirmsIt() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.engine.governance().killSwitch().addListener(kill -> {
                throw new IllegalStateException("revocation endpoint unreachable");
            });
            f.robot.clickOn("#kill-switch");
            CockpitFixture.until(10, () -> localHaltStep(f).contains("CONFIRMED"));
            assertThat(f.journaled(TraceEvent.KillStep.class)).extracting(TraceEvent.KillStep::status)
                    .containsSubsequence("requested", "failed", "confirmed");
        }
    }

    @Test
    void reArmingNeedsAReasonAndASecondConfirmationAndIsJournaled() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.robot.clickOn("#kill-switch");
            CockpitFixture.until(5, () -> windowKilled(f));

            f.robot.clickOn("#rearm");
            CockpitFixture.until(5, () -> f.shown("#rearm-sheet"));
            assertThat(f.node("#rearm-continue").isDisabled()).as("no reason, no re-arm").isTrue();
            f.robot.write("false alarm: the drill is over");
            f.robot.clickOn("#rearm-continue");
            CockpitFixture.until(5, () -> f.shown("#rearm-confirm-sheet"));
            assertThat(f.<javafx.scene.control.Label>node("#rearm-plan").getText()).as("what will be restored is shown first")
                    .startsWith("Will restore:").contains("crashloop-agent");
            assertThat(f.engine.governance().killSwitch().isKilled()).as("one yes is not enough").isTrue();
            f.robot.clickOn("#rearm-confirm");

            assertThat(f.engine.governance().killSwitch().isKilled()).isFalse();
            CockpitFixture.until(5, () -> !windowKilled(f) && !f.shown("#killed-panel"));
            assertThat(f.journaled(TraceEvent.KillStep.class)).anySatisfy(k -> {
                assertThat(k.step()).isEqualTo("rearm");
                assertThat(k.detail()).contains(CockpitFixture.APPROVER).contains("false alarm: the drill is over");
            });
        }
    }
}
