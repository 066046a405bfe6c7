package dev.ringside.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class TraceRowsTest {
    private static TraceRow row(long id) {
        return new TraceRow(id, Instant.EPOCH, "run", "agent", TraceKind.RUN, "info", "row " + id, "", null);
    }

    private static List<TraceRow> rows(long from, long to) {
        return LongStream.range(from, to).mapToObj(TraceRowsTest::row).toList();
    }

    private static List<Long> ids(List<TraceRow> rows) {
        return rows.stream().map(TraceRow::id).toList();
    }

    @Test
    void appendingAndDroppingKeepsOrderAcrossManyGrowthsAndSlides() {
        TraceRows list = new TraceRows();
        List<TraceRow> expected = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < 200; round++) {
            List<TraceRow> batch = rows(next, next + 97);
            next += 97;
            list.append(batch);
            expected.addAll(batch);
            int drop = round % 3 == 0 ? 0 : Math.min(expected.size(), 60 + round % 50);
            list.dropFirst(drop);
            expected.subList(0, drop).clear();
            assertThat(ids(list)).isEqualTo(ids(expected));
        }
    }

    @Test
    void eachOperationIsOneChangeSayingWhatWasAddedOrRemoved() {
        TraceRows list = new TraceRows();
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<TraceRow>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom() + ".." + c.getTo()
                        + " removed=" + ids(List.copyOf(c.getRemoved())) + " added=" + ids(List.copyOf(c.getAddedSubList())));
            }
        });
        list.append(rows(0, 3));
        list.dropFirst(2);
        list.replaceAll(rows(10, 12));
        list.append(List.of());
        list.dropFirst(0);

        assertThat(changes).containsExactly(
                "added 0..3 removed=[] added=[0, 1, 2]",
                "removed 0..0 removed=[0, 1] added=[]",
                "replaced 0..2 removed=[2] added=[10, 11]");
    }

    @Test
    void droppingMoreThanThereIsIsRefusedAndChangesNothing() {
        TraceRows list = new TraceRows();
        list.append(rows(0, 2));
        assertThatThrownBy(() -> list.dropFirst(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ids(list)).containsExactly(0L, 1L);
        assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
