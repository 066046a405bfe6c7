package dev.ringside.ui.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;

/**
 * An observable list of trace rows that only grows at the end and shrinks at the front, as a live
 * trace does. Both are cheap: rows are appended in one change, and dropping the oldest rows moves
 * a start index instead of shifting every remaining row (JavaFX's own lists remove a range one
 * element at a time, which at 10,000 events a second took most of the frame).
 */
final class TraceRows extends ObservableListBase<TraceRow> {
    private TraceRow[] items = new TraceRow[1024];
    private int head;
    private int size;

    @Override
    public TraceRow get(int index) {
        Objects.checkIndex(index, size);
        return items[head + index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Adds rows at the end, as one change. */
    void append(List<TraceRow> more) {
        if (more.isEmpty()) return;
        makeRoom(more.size());
        int from = size;
        for (TraceRow row : more) items[head + size++] = Objects.requireNonNull(row);
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** Drops the oldest {@code count} rows, as one change. */
    void dropFirst(int count) {
        if (count <= 0) return;
        if (count > size) throw new IndexOutOfBoundsException("cannot drop " + count + " of " + size + " rows");
        List<TraceRow> removed = new ArrayList<>(Arrays.asList(items).subList(head, head + count));
        Arrays.fill(items, head, head + count, null);
        head += count;
        size -= count;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    /** Replaces every row (a new filter), as one change. */
    void replaceAll(List<TraceRow> rows) {
        List<TraceRow> removed = new ArrayList<>(Arrays.asList(items).subList(head, head + size));
        Arrays.fill(items, head, head + size, null);
        head = 0;
        size = 0;
        makeRoom(rows.size());
        for (TraceRow row : rows) items[size++] = Objects.requireNonNull(row);
        beginChange();
        if (removed.isEmpty()) nextAdd(0, size);
        else nextReplace(0, size, removed);
        endChange();
    }

    /** Room for {@code more} rows after the last: slides the rows to the start, growing the array only when it is over half full. */
    private void makeRoom(int more) {
        if (head + size + more <= items.length) return;
        TraceRow[] target = size + more > items.length / 2 ? new TraceRow[Math.max(items.length * 2, (size + more) * 2)] : items;
        System.arraycopy(items, head, target, 0, size);
        if (target == items) Arrays.fill(items, size, head + size, null);
        items = target;
        head = 0;
    }
}
