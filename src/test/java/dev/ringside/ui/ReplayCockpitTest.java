package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.journal.replay.ReplayPlayer;
import dev.ringside.ui.replay.ExportFormat;
import dev.ringside.ui.replay.ReplayViewModel;
import dev.ringside.ui.replay.RunChoice;
import dev.ringside.ui.trace.TraceKind;
import dev.ringside.ui.trace.TraceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay in the cockpit: a journal file from another machine opened through the UI, walked, played and exported. */
class ReplayCockpitTest {
    @TempDir
    Path dir;
    private Path recorded;

    @BeforeEach
    void recordTheIncidents() throws Exception {
        recorded = RecordedRuns.write(dir);
    }

    private static ReplayViewModel replay(CockpitFixture f) {
        return f.vm.replay();
    }

    private void openYesterday(CockpitFixture f) throws Exception {
        f.robot.clickOn("#mode-replay");
        RecordedRuns.open(f, "replay", recorded, RecordedRuns.YESTERDAY);
    }

    private static TraceRow current(CockpitFixture f) {
        return f.<ListView<TraceRow>>node("#replay-list").getSelectionModel().getSelectedItem();
    }

    private static int position(CockpitFixture f) {
        return replay(f).positionProperty().get();
    }

    private static String text(CockpitFixture f, String query) {
        return f.<Labeled>node(query).getText();
    }

    @Test
    void aRunFromAnotherMachineOpensUnderTheReplayBannerWithABoundedTimeline() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);

            assertThat(f.shown("#replay-banner")).isTrue();
            assertThat(text(f, "#replay-banner")).isEqualTo("REPLAY — recorded outputs only, nothing is executed");
            assertThat(text(f, "#replay-run-title")).contains("300 events").contains(recorded.toString());
            assertThat(f.<ComboBox<RunChoice>>node("#replay-run").getItems()).extracting(RunChoice::runId)
                    .containsExactly(RecordedRuns.YESTERDAY, "kill-switch", RecordedRuns.TODAY);
            assertThat(f.<ComboBox<RunChoice>>node("#replay-run").getItems().getFirst().label())
                    .contains(RecordedRuns.AGENT).contains("crashloop-checkout").contains("300 events").contains("resolved");
            assertThat(current(f).title()).startsWith("run started: crashloop-checkout");
            assertThat(f.<ListView<TraceRow>>node("#replay-list").getItems()).as("a window, not the whole run").hasSize(200);
            assertThat(text(f, "#replay-time")).contains("+0:00 of 4:59").contains("event 1 of 300");
            assertThat(f.shown("#kill-switch")).as("the kill switch stays in reach").isTrue();

            boolean[] whileOpening = new boolean[2];
            f.robot.interact(() -> {
                replay(f).openRun(recorded, RecordedRuns.TODAY);
                whileOpening[0] = replay(f).busyProperty().get();
                whileOpening[1] = text(f, "#replay-run-title").startsWith("Run " + RecordedRuns.YESTERDAY);
            });
            assertThat(whileOpening).as("opening runs off the FX thread: busy at once, the open run still shown").containsExactly(true, true);
            CockpitFixture.until(20, () -> text(f, "#replay-run-title").startsWith("Run " + RecordedRuns.TODAY));
            assertThat(f.shown("#replay-busy")).isFalse();
        }
    }

    @Test
    void theScrubberLandsOnTheEventItPointsAt() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);
            Slider scrubber = f.node("#replay-scrubber");
            assertThat(scrubber.getMax()).isEqualTo(RecordedRuns.YESTERDAY_EVENTS - 1);

            f.robot.interact(() -> scrubber.setValue(130.4));
            assertThat(position(f)).isEqualTo(130);
            assertThat(current(f).title()).isEqualTo("approval approved by alice");
            assertThat(text(f, "#replay-time")).contains("+2:10 of 4:59").contains("event 131 of 300");

            f.robot.interact(() -> scrubber.setValue(299));
            assertThat(current(f).title()).isEqualTo("run ended: resolved");
            assertThat(f.<ListView<TraceRow>>node("#replay-list").getItems()).hasSizeLessThanOrEqualTo(200)
                    .last().extracting(TraceRow::title).isEqualTo("run ended: resolved");

            f.robot.interact(() -> scrubber.setValue(3));
            assertThat(current(f).title()).isEqualTo("model reasoning");
            assertThat(current(f).detail()).isEqualTo("step 3");
            assertThat(f.<ListView<TraceRow>>node("#replay-list").getItems().getFirst().title()).startsWith("run started");
        }
    }

    @Test
    void stepsAndJumpsWalkTheRecordedEventsByButtonAndKey() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);

            f.robot.clickOn("#replay-forward");
            f.robot.clickOn("#replay-forward");
            assertThat(position(f)).isEqualTo(2);
            f.robot.clickOn("#replay-back");
            assertThat(position(f)).isEqualTo(1);

            f.robot.clickOn("#replay-next-decision");
            assertThat(position(f)).isEqualTo(11);
            assertThat(current(f).title()).isEqualTo("ALLOW get_pod_logs");
            f.robot.clickOn("#replay-next-flag");
            assertThat(position(f)).isEqualTo(77);
            assertThat(current(f).kind()).isEqualTo(TraceKind.INJECTION);
            assertThat(current(f).excerpt()).contains("ignore previous instructions");
            f.robot.clickOn("#replay-next-approval");
            assertThat(position(f)).isEqualTo(120);
            assertThat(current(f).title()).isEqualTo("approval requested: rollback_deployment (ring 2)");

            f.robot.interact(() -> f.node("#replay-list").requestFocus());
            f.robot.type(KeyCode.N);
            assertThat(position(f)).isEqualTo(161);
            assertThat(current(f).title()).isEqualTo("DENY delete_deployment — rule never_allow/delete_deployment");
            f.robot.type(KeyCode.F);
            assertThat(position(f)).isEqualTo(205);
            f.robot.press(KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT);
            assertThat(position(f)).isEqualTo(77);
            f.robot.type(KeyCode.RIGHT);
            assertThat(position(f)).isEqualTo(78);
            f.robot.type(KeyCode.LEFT, 2);
            assertThat(position(f)).isEqualTo(76);
            f.robot.type(KeyCode.END);
            assertThat(position(f)).isEqualTo(299);
            f.robot.type(KeyCode.N);
            assertThat(position(f)).as("no decision after the last event").isEqualTo(299);
            assertThat(text(f, "#replay-status")).isEqualTo("No later decision in this run.");
            f.robot.type(KeyCode.HOME);
            assertThat(position(f)).isZero();
        }
    }

    @Test
    void playbackRunsAt1To100xOnlyAndStopsAtTheEnd() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);
            ChoiceBox<Double> speed = f.node("#replay-speed");
            assertThat(speed.getItems()).containsExactly(1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0)
                    .allSatisfy(s -> assertThat(s).isBetween(ReplayPlayer.MIN_SPEED, ReplayPlayer.MAX_SPEED));
            f.robot.interact(() -> f.node("#replay-list").requestFocus());
            f.robot.type(KeyCode.EQUALS, 10);
            assertThat(replay(f).speedProperty().get()).as("+ stops at the fastest").isEqualTo(100.0);
            assertThat(speed.getValue()).isEqualTo(100.0);
            f.robot.type(KeyCode.MINUS, 10);
            assertThat(replay(f).speedProperty().get()).as("- stops at the slowest").isEqualTo(1.0);
            assertThatThrownBy(() -> replay(f).speed(500)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> replay(f).speed(0.5)).isInstanceOf(IllegalArgumentException.class);
            f.robot.interact(() -> speed.setValue(100.0));
            assertThat(replay(f).speedProperty().get()).isEqualTo(100.0);

            f.robot.clickOn("#replay-play");
            assertThat(text(f, "#replay-play")).isEqualTo("⏸ Pause");
            f.robot.interact(() -> replay(f).pulse(Duration.ofSeconds(1)));
            assertThat(position(f)).as("100 recorded seconds, one event a second").isGreaterThanOrEqualTo(100);

            f.robot.interact(() -> replay(f).pulse(Duration.ofMinutes(1)));
            assertThat(position(f)).isEqualTo(RecordedRuns.YESTERDAY_EVENTS - 1);
            assertThat(replay(f).playingProperty().get()).isFalse();
            assertThat(text(f, "#replay-play")).isEqualTo("▶ Play");

            f.robot.interact(() -> replay(f).pulse(Duration.ofMinutes(1)));
            assertThat(position(f)).as("paused replays stay put").isEqualTo(RecordedRuns.YESTERDAY_EVENTS - 1);
        }
    }

    @Test
    void aFileThatIsNotAJournalShowsWhyAndLosesNothing() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);
            f.robot.interact(() -> replay(f).seek(42));
            String title = text(f, "#replay-run-title");
            Path notes = Files.writeString(dir.resolve("notes.db"), "yesterday's handover notes\n".repeat(100));

            f.robot.interact(() -> f.<TextField>node("#replay-path").setText(notes.toString()));
            f.robot.clickOn("#replay-list-runs");

            CockpitFixture.until(20, () -> f.shown("#replay-error"));
            assertThat(text(f, "#replay-error")).startsWith("Cannot list runs: ").contains(notes.toString())
                    .contains("not a Ringside journal");
            assertThat(text(f, "#replay-run-title")).isEqualTo(title);
            assertThat(position(f)).isEqualTo(42);
            assertThat(f.<ComboBox<RunChoice>>node("#replay-run").getItems()).hasSize(3);
            assertThat(replay(f).journalFileProperty().get()).isEqualTo(recorded);
            f.robot.clickOn("#replay-next-decision");
            assertThat(position(f)).as("the open run still replays").isEqualTo(61);

            f.robot.interact(() -> replay(f).openRun(recorded, "no-such-run"));
            CockpitFixture.until(20, () -> text(f, "#replay-error").contains("no run 'no-such-run'"));
            assertThat(text(f, "#replay-run-title")).isEqualTo(title);
        }
    }

    @Test
    void exportWritesTheMarkdownPostmortemAndOtelSpansOfTheReplayedRun() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            openYesterday(f);
            Path markdown = dir.resolve("postmortem.md");
            Path otel = dir.resolve("spans.json");

            f.robot.interact(() -> replay(f).export(ExportFormat.MARKDOWN, markdown));
            CockpitFixture.until(20, () -> text(f, "#replay-status").startsWith("Wrote the Markdown postmortem"));
            f.robot.interact(() -> replay(f).export(ExportFormat.OTEL, otel));
            CockpitFixture.until(20, () -> text(f, "#replay-status").startsWith("Wrote the OpenTelemetry"));

            assertThat(Files.readString(markdown)).startsWith("# Postmortem: run " + RecordedRuns.YESTERDAY)
                    .contains("## Decisions").contains("| get_pod_logs | allow | allow |")
                    .contains("| deny | never_allow/delete_deployment |")
                    .contains("| approved | alice | looks right |")
                    .contains("local-halt: **confirmed**")
                    .contains("## Audit chain\n\naudit: OK, ");
            JsonNode spans = new ObjectMapper().readTree(otel.toFile()).path("resourceSpans").get(0).path("scopeSpans").get(0).path("spans");
            List<String> names = new ArrayList<>();
            spans.forEach(s -> names.add(s.path("name").asText()));
            assertThat(names).contains("invoke_agent " + RecordedRuns.AGENT, "execute_tool get_pod_logs", "execute_tool delete_deployment");
            assertThat(replay(f).suggestedFileName(ExportFormat.MARKDOWN)).isEqualTo("postmortem-run-yesterday.md");
        }
    }

    @Test
    void ctrlROpensReplayOnTheLiveJournalWhileTheLiveCockpitKeepsWorking() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            String runId = f.startCheckoutIncident().runId();
            CockpitFixture.until(30, () -> f.vm.trace().runs().contains(runId));

            f.robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);

            assertThat(f.vm.modeProperty().get()).isEqualTo(CockpitMode.REPLAY);
            assertThat(f.shown("#replay-banner")).isTrue();
            assertThat(f.shown("#trace-list")).as("the live panels make room").isFalse();
            CockpitFixture.until(20, () -> f.<TextField>node("#replay-path").getText().equals(f.backend.journalFile().orElseThrow().toString()));
            CockpitFixture.until(20, () -> f.<ComboBox<RunChoice>>node("#replay-run").getItems().stream()
                    .anyMatch(r -> r.runId().equals(runId)));
            CockpitFixture.until(60, () -> f.shown("#notification"));
            assertThat(f.<Label>node("#notification").getText()).as("the live stream goes on in replay")
                    .startsWith("New approval request: rollback_deployment");

            f.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
            assertThat(f.engine.governance().killSwitch().isKilled()).isTrue();
            CockpitFixture.until(10, () -> f.shown("#killed-panel"));

            f.robot.clickOn("#mode-live");
            assertThat(f.shown("#trace-list")).isTrue();
            assertThat(f.shown("#replay-banner")).isFalse();
        }
    }
}
