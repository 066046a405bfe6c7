package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.ui.replay.ReplayViewModel;
import dev.ringside.ui.trace.TraceRow;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Yesterday's incident beside today's: each side walks on its own until they are aligned by elapsed time. */
class CompareRunsTest {
    @TempDir
    Path dir;

    private static int position(ReplayViewModel side) {
        return side.positionProperty().get();
    }

    @Test
    void twoRunsStandSideBySideAndAlignByElapsedTimeSinceTheirStart() throws Exception {
        Path recorded = RecordedRuns.write(dir);
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.robot.clickOn("#mode-compare");
            assertThat(f.shown("#replay-banner")).isTrue();
            RecordedRuns.open(f, "left", recorded, RecordedRuns.YESTERDAY);
            RecordedRuns.open(f, "right", recorded, RecordedRuns.TODAY);
            ReplayViewModel left = f.vm.compare().left();
            ReplayViewModel right = f.vm.compare().right();

            assertThat(f.<Labeled>node("#left-run-title").getText()).startsWith("Run " + RecordedRuns.YESTERDAY).contains("300 events");
            assertThat(f.<Labeled>node("#right-run-title").getText()).startsWith("Run " + RecordedRuns.TODAY).contains("150 events");
            assertThat(f.<ListView<TraceRow>>node("#left-list").getItems()).allSatisfy(r -> assertThat(r.runId()).isEqualTo(RecordedRuns.YESTERDAY));
            assertThat(f.<ListView<TraceRow>>node("#right-list").getItems()).allSatisfy(r -> assertThat(r.runId()).isEqualTo(RecordedRuns.TODAY));

            f.robot.interact(() -> f.<Slider>node("#left-scrubber").setValue(100));
            assertThat(position(left)).isEqualTo(100);
            assertThat(position(right)).as("not aligned: each side on its own").isZero();

            f.robot.clickOn("#compare-align");
            assertThat(position(right)).as("100 s into today's run, one event every 2 s").isEqualTo(50);
            assertThat(f.<Labeled>node("#right-time").getText()).contains("+1:40 of 4:58");

            f.robot.clickOn("#left-next-decision");
            assertThat(position(left)).isEqualTo(111);
            assertThat(position(right)).isEqualTo(55);
            assertThat(f.<Labeled>node("#right-time").getText()).contains("+1:50");

            f.robot.clickOn("#right-forward");
            assertThat(position(right)).isEqualTo(56);
            assertThat(position(left)).as("the left side leads; the right one does not pull it").isEqualTo(111);

            f.robot.clickOn("#compare-align");
            f.robot.clickOn("#left-forward");
            assertThat(position(left)).isEqualTo(112);
            assertThat(position(right)).as("alignment off again").isEqualTo(56);
        }
    }
}
