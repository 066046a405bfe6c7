package dev.ringside.ui.replay;

import dev.ringside.journal.replay.ReplayIndex;
import dev.ringside.ui.trace.TraceRow;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows a replay timeline shows: at most {@link #SIZE} events around the position, never the
 * whole run. They are re-read from the index (one query) only when the position leaves them.
 */
final class TimelineWindow {
    static final int SIZE = 200;

    private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
    private int start;

    /** Makes sure the event at {@code position} is among the rows; returns its place in them. */
    int show(ReplayIndex index, int position) {
        if (rows.isEmpty() || position < start || position >= start + rows.size()) {
            start = Math.max(0, Math.min(position - SIZE / 2, index.size() - SIZE));
            rows.setAll(index.window(start, Math.min(SIZE, index.size() - start)).stream().map(TraceRow::of).toList());
        }
        return position - start;
    }

    void clear() {
        rows.clear();
        start = 0;
    }

    /** The position of the first row. */
    int start() {
        return start;
    }

    ObservableList<TraceRow> rows() {
        return rows;
    }
}
