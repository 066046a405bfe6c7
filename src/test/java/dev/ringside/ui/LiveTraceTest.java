package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.ui.trace.TraceKind;
import dev.ringside.ui.trace.TraceRow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live trace on the demo incident: injections highlighted, filters by type and run, search. */
class LiveTraceTest {
    @TempDir
    Path dir;

    private static List<TraceRow> rows(CockpitFixture f) {
        return List.copyOf(f.<ListView<TraceRow>>node("#trace-list").getItems());
    }

    @Test
    void filteringByTypeShowsOnlyFlaggedInjectionsWithTheirSuspiciousText() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            f.startCheckoutIncident();
            CockpitFixture.until(60, () -> rows(f).stream().anyMatch(r -> r.kind() == TraceKind.INJECTION));
            int everything = rows(f).size();

            ComboBox<String> type = f.node("#trace-type");
            f.robot.interact(() -> type.setValue(TraceKind.INJECTION.label()));

            assertThat(rows(f)).isNotEmpty().hasSizeLessThan(everything)
                    .allSatisfy(r -> assertThat(r.kind()).isEqualTo(TraceKind.INJECTION))
                    .allSatisfy(r -> assertThat(r.excerpt()).isNotBlank());
            assertThat(rows(f)).anySatisfy(r -> assertThat(r.excerpt()).containsIgnoringCase("delete"));
        }
    }

    @Test
    void searchKeepsOnlyMatchingRowsAndFiltersByRun() throws Exception {
        try (CockpitFixture f = CockpitFixture.open(dir)) {
            String runId = f.startCheckoutIncident().runId();
            CockpitFixture.until(60, () -> rows(f).stream().anyMatch(r -> r.title().startsWith("DENY delete_deployment")));

            f.robot.clickOn("#trace-search").write("never_allow");
            CockpitFixture.until(5, () -> f.<TextField>node("#trace-search").getText().equals("never_allow"));
            assertThat(rows(f)).isNotEmpty().allSatisfy(r -> assertThat(r.mentions("never_allow")).isTrue());
            assertThat(rows(f)).anySatisfy(r -> assertThat(r.title()).isEqualTo("DENY delete_deployment — rule never_allow/delete_deployment"));

            f.robot.write(" no such text");
            CockpitFixture.until(5, () -> rows(f).isEmpty());

            f.robot.interact(() -> f.<TextField>node("#trace-search").clear());
            ComboBox<String> run = f.node("#trace-run");
            f.robot.interact(() -> run.setValue("kill-switch"));
            assertThat(rows(f)).isEmpty();
            f.robot.interact(() -> run.setValue(runId));
            assertThat(rows(f)).isNotEmpty().allSatisfy(r -> assertThat(r.runId()).isEqualTo(runId));
        }
    }
}
