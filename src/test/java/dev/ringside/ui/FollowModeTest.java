package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.journal.TraceEvent;
import dev.ringside.ui.trace.TraceRow;
import java.nio.file.Path;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow mode: the newest event stays in view while events stream in, scrolling up (wheel or
 * keys) stops following so the person can read, and pressing Follow jumps back to the newest.
 */
class FollowModeTest {
    private static final String RUN = "run-follow";

    @TempDir
    Path dir;

    private static ListView<TraceRow> list(CockpitFixture f) {
        return f.node("#trace-list");
    }

    private static ToggleButton follow(CockpitFixture f) {
        return f.node("#trace-follow");
    }

    /** Index of the last row the list actually shows on screen. */
    private static int lastVisibleRow(CockpitFixture f) {
        VirtualFlow<?> flow = (VirtualFlow<?>) list(f).lookup(".virtual-flow");
        return flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
    }

    private static boolean newestInView(CockpitFixture f) {
        return lastVisibleRow(f) == list(f).getItems().size() - 1;
    }

    private static void stream(CockpitFixture f, int count, String label) {
        for (int i = 0; i < count; i++) {
            f.engine.journal().record(RUN, "diagnostician", new TraceEvent.ModelResponse("scripted", label + " thought " + i, ""));
        }
    }

    private static int rowsOfRun(CockpitFixture f) {
        return (int) list(f).getItems().stream().filter(r -> r.runId().equals(RUN)).count();
    }

    @Test
    void theNewestEventStaysInViewUntilThePersonScrollsUpAndFollowBringsItBack() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            stream(f, 300, "first");
            CockpitFixture.until(10, () -> rowsOfRun(f) == 300);
            assertThat(follow(f).isSelected()).isTrue();
            CockpitFixture.until(5, () -> newestInView(f));

            f.robot.moveTo("#trace-list").scroll(10, VerticalDirection.UP);
            CockpitFixture.until(5, () -> !follow(f).isSelected());
            int readingAt = lastVisibleRow(f);
            assertThat(readingAt).isLessThan(list(f).getItems().size() - 1);

            stream(f, 200, "second");
            CockpitFixture.until(10, () -> rowsOfRun(f) == 500);
            assertThat(lastVisibleRow(f)).as("new events do not pull the view away from what the person reads")
                    .isEqualTo(readingAt);

            f.robot.clickOn("#trace-follow");
            CockpitFixture.until(5, () -> follow(f).isSelected() && newestInView(f));

            stream(f, 50, "third");
            CockpitFixture.until(10, () -> rowsOfRun(f) == 550 && newestInView(f));
        }
    }

    @Test
    void movingUpWithTheKeyboardAlsoStopsFollowing() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            stream(f, 200, "first");
            CockpitFixture.until(10, () -> rowsOfRun(f) == 200 && newestInView(f));

            f.robot.clickOn("#trace-list");
            f.robot.type(KeyCode.HOME);
            CockpitFixture.until(5, () -> !follow(f).isSelected());
            stream(f, 100, "second");
            CockpitFixture.until(10, () -> rowsOfRun(f) == 300);
            assertThat(newestInView(f)).isFalse();
        }
    }
}
