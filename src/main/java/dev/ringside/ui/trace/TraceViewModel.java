package dev.ringside.ui.trace;

import dev.ringside.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live trace: every journal entry as a worded row, filtered by agent, run, event type and a
 * search text. Rows arrive in batches (one per pulse): the matching ones join the visible list in
 * one change, and the oldest rows beyond {@link #MAX_ROWS} leave in one change ({@link TraceRows}).
 * Follow mode keeps the newest row in view until the person scrolls up.
 */
public final class TraceViewModel {
    public static final String ALL_AGENTS = "All agents";
    public static final String ALL_RUNS = "All runs";
    static final int MAX_ROWS = 20_000;
    /** Rows beyond the limit are dropped a few thousand at a time: every drop makes the list re-measure. */
    static final int TRIM_SLACK = 5_000;

    private final TraceRows rows = new TraceRows();
    private final TraceRows visible = new TraceRows();
    private final ObservableList<TraceRow> visibleView = FXCollections.unmodifiableObservableList(visible);
    private Predicate<TraceRow> shown = r -> true;
    private final ObservableList<String> agents = FXCollections.observableArrayList(ALL_AGENTS);
    private final ObservableList<String> runs = FXCollections.observableArrayList(ALL_RUNS);
    private final StringProperty agentFilter = new SimpleStringProperty(ALL_AGENTS);
    private final StringProperty runFilter = new SimpleStringProperty(ALL_RUNS);
    private final ObjectProperty<TraceKind> kindFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper();
    private long lastId;

    public TraceViewModel() {
        agentFilter.addListener((o, a, b) -> refilter());
        runFilter.addListener((o, a, b) -> refilter());
        kindFilter.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
    }

    /** One pulse's worth of entries; entries already shown (replayed history overlapping the live feed) are skipped. */
    public void append(List<JournalEntry> entries) {
        List<TraceRow> fresh = new ArrayList<>(entries.size());
        TreeSet<String> newAgents = new TreeSet<>();
        TreeSet<String> newRuns = new TreeSet<>();
        for (JournalEntry entry : entries) {
            if (entry.id() <= lastId) continue;
            lastId = entry.id();
            TraceRow row = TraceRow.of(entry);
            fresh.add(row);
            if (!agents.contains(row.agent())) newAgents.add(row.agent());
            if (!runs.contains(row.runId())) newRuns.add(row.runId());
        }
        if (fresh.isEmpty()) return;
        agents.addAll(newAgents);
        runs.addAll(newRuns);
        rows.append(fresh);
        visible.append(fresh.stream().filter(shown).toList());
        if (rows.size() > MAX_ROWS + TRIM_SLACK) dropOldest(rows.size() - MAX_ROWS);
    }

    /** Forgets the oldest rows (the journal keeps them); visible rows are in the same order, so theirs are a prefix too. */
    private void dropOldest(int count) {
        long lastDropped = rows.get(count - 1).id();
        rows.dropFirst(count);
        int visibleDropped = 0;
        while (visibleDropped < visible.size() && visible.get(visibleDropped).id() <= lastDropped) visibleDropped++;
        visible.dropFirst(visibleDropped);
    }

    /** Entries the hand-off buffer had to drop under load (the journal still has them). */
    public void skipped(long count) {
        if (count != skipped.get()) skipped.set(count);
    }

    private void refilter() {
        String agent = agentFilter.get();
        String run = runFilter.get();
        TraceKind kind = kindFilter.get();
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        shown = r -> (agent == null || agent.equals(ALL_AGENTS) || agent.equals(r.agent()))
                && (run == null || run.equals(ALL_RUNS) || run.equals(r.runId()))
                && (kind == null || kind == r.kind())
                && (needle.isEmpty() || r.mentions(needle));
        visible.replaceAll(rows.stream().filter(shown).toList());
    }

    /** Shows one run, as when the person picks an agent's current run. */
    public void showRun(String runId) {
        if (runId == null) return;
        if (!runs.contains(runId)) runs.add(runId);
        runFilter.set(runId);
        follow.set(true);
    }

    public void clearFilters() {
        agentFilter.set(ALL_AGENTS);
        runFilter.set(ALL_RUNS);
        kindFilter.set(null);
        search.set("");
    }

    public ObservableList<TraceRow> visibleRows() {
        return visibleView;
    }

    public int totalRows() {
        return rows.size();
    }

    public ObservableList<String> agents() {
        return FXCollections.unmodifiableObservableList(agents);
    }

    public ObservableList<String> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    public StringProperty agentFilterProperty() {
        return agentFilter;
    }

    public StringProperty runFilterProperty() {
        return runFilter;
    }

    public ObjectProperty<TraceKind> kindFilterProperty() {
        return kindFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyLongProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }
}
