package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The cold-start probe CI's smoke test reads: one line, once the window with its agents has been drawn. */
class StartupProbeTest {
    @TempDir
    Path dir;

    @Test
    void reportsOneLineOnceTheWindowWithItsAgentsHasBeenRendered() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            Scene scene = f.node("#cockpit-root").getScene();
            List<String> lines = new CopyOnWriteArrayList<>();
            List<Boolean> agentsShownWhenReported = new CopyOnWriteArrayList<>();
            WaitForAsyncUtils.asyncFx(() -> StartupProbe.whenInteractive(scene, () -> !f.vm.agents().agents().isEmpty(), line -> {
                agentsShownWhenReported.add(!f.vm.agents().agents().isEmpty());
                lines.add(line);
            })).get();
            CockpitFixture.until(10, () -> !lines.isEmpty());
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(lines).as("reported once, then it stops listening").singleElement().asString()
                    .matches("cockpit interactive after \\d+ ms \\(JVM start to first frame\\)");
            assertThat(agentsShownWhenReported).containsExactly(true);
        }
    }

    @Test
    void saysNothingWhileTheAgentsPanelIsEmpty() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            Scene scene = f.node("#cockpit-root").getScene();
            List<String> lines = new CopyOnWriteArrayList<>();
            WaitForAsyncUtils.asyncFx(() -> StartupProbe.whenInteractive(scene, () -> false, lines::add)).get();
            WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(lines).isEmpty();
        }
    }
}
