package dev.ringside.ui.replay;

import dev.ringside.journal.ReadOnlyJournal;
import dev.ringside.journal.replay.ReplayIndex;
import dev.ringside.journal.replay.ReplayPlayer;
import dev.ringside.ui.trace.TraceRow;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One replay: a journal file's runs, one run opened read-only, and where the replay stands in it.
 * Listing runs, opening a run and exporting run off the FX thread; everything else is on it. The
 * timeline holds a bounded window of rows around the position, however long the run. Replay shows
 * recorded outputs only: nothing here can execute anything.
 */
public final class ReplayViewModel implements AutoCloseable {
    /** The speeds a person can pick, all within what {@link ReplayPlayer} allows. */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ReadOnlyObjectWrapper<Path> journalFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final ObservableList<RunChoice> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final TimelineWindow window = new TimelineWindow();
    private final ObservableList<TraceRow> readOnlyRows = FXCollections.unmodifiableObservableList(window.rows());
    private final ReadOnlyStringWrapper openedRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper lastPosition = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper currentRowIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<TraceRow> currentRow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(SPEEDS.getFirst());
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Pick a journal file and a run to replay.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private Path runFile;
    private ReplayIndex index;
    private ReplayPlayer player;
    /** Numbers of the latest requests: a late answer to an earlier one is dropped. */
    private int listing;
    private int opening;
    private int working;
    private boolean closed;

    /** Lists the runs of the file at the path a person typed. */
    public void openJournal(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            error.set("Type the path of a journal file, or use Open journal file….");
            return;
        }
        try {
            openJournal(Path.of(text));
        } catch (InvalidPathException e) {
            error.set("'" + text + "' is not a file path: " + e.getReason() + ".");
        }
    }

    /** Lists the runs of a journal file, read-only. If it cannot be read, the error shows and what was listed and open stays. */
    public void openJournal(Path file) {
        int request = ++listing;
        begin("Reading the runs in " + file + " …");
        OffFxThread.run("replay-list-runs", () -> {
            try (ReadOnlyJournal journal = ReadOnlyJournal.open(file)) {
                return journal.runs();
            }
        }, listed -> {
            end();
            if (request != listing) return;
            journalFile.set(file);
            runs.setAll(listed.stream().map(RunChoice::of).toList());
            status.set(listed.isEmpty() ? "No runs recorded in " + file + "." : listed.size() + " run(s) in " + file + ".");
        }, e -> {
            end();
            if (request == listing) error.set("Cannot list runs: " + reason(e));
        });
    }

    /** Lists the runs of the journal the person chose, or of {@code fallback} (the live journal) while none is chosen. */
    public void relist(Path fallback) {
        Path file = journalFile.get() != null ? journalFile.get() : fallback;
        if (file != null) openJournal(file);
    }

    /** Opens a run of the listed journal. */
    public void openRun(RunChoice choice) {
        if (choice != null && journalFile.get() != null) openRun(journalFile.get(), choice.runId());
    }

    /** Indexes the run off the FX thread, then shows its first event; the run shown so far stays until then. */
    public void openRun(Path file, String runId) {
        int request = ++opening;
        begin("Opening run " + runId + " …");
        OffFxThread.run("replay-open-run", () -> ReplayIndex.open(file, runId), opened -> {
            end();
            if (request != opening || closed) {
                opened.close();
                return;
            }
            install(file, opened);
        }, e -> {
            end();
            if (request == opening) error.set("Cannot open run " + runId + ": " + reason(e));
        });
    }

    private void install(Path file, ReplayIndex opened) {
        closeRun();
        runFile = file;
        index = opened;
        player = new ReplayPlayer(opened);
        player.speed(speed.get());
        window.clear();
        lastPosition.set(opened.size() - 1);
        loaded.set(true);
        openedRun.set("Run " + opened.runId() + " · " + opened.size() + " events · " + elapsed(opened.end()) + " long · " + file);
        status.set("Replaying run " + opened.runId() + ".");
        show();
    }

    public void seek(int newPosition) {
        if (player == null) return;
        player.seek(newPosition);
        show();
    }

    /** Where the scrubber was let go. */
    public void scrub(double value) {
        if (player != null && (int) Math.round(value) != player.position()) seek((int) Math.round(value));
    }

    /** The person picked a row of the timeline. */
    public void seekToRow(int row) {
        seek(window.start() + row);
    }

    public void stepForward() {
        if (player != null) seek(player.position() + 1);
    }

    public void stepBack() {
        if (player != null) seek(player.position() - 1);
    }

    public void first() {
        seek(0);
    }

    public void last() {
        seek(lastPosition.get());
    }

    public void next(Landmark landmark) {
        if (player != null) jump(index.next(player.position(), landmark.types()), "No later " + landmark.words() + " in this run.");
    }

    public void previous(Landmark landmark) {
        if (player != null) jump(index.previous(player.position(), landmark.types()), "No earlier " + landmark.words() + " in this run.");
    }

    private void jump(int to, String none) {
        if (to < 0) status.set(none);
        else seek(to);
    }

    /** Play or pause; playing at the last event starts again from the first. */
    public void togglePlay() {
        if (player == null) return;
        if (player.playing()) {
            player.pause();
        } else {
            if (player.position() == lastPosition.get()) player.seek(0);
            player.play();
        }
        show();
    }

    /** Wall time passed while playing (the window's pulse calls this each frame); the replay moves by it times the speed. */
    public void pulse(Duration wallTime) {
        if (player == null || !player.playing()) return;
        int before = player.position();
        if (player.advance(wallTime) != before || !player.playing()) show();
    }

    /** One of {@link #SPEEDS}; anything else is refused. */
    public void speed(double newSpeed) {
        if (!SPEEDS.contains(newSpeed)) {
            throw new IllegalArgumentException("replay speed must be one of " + SPEEDS + ", got " + newSpeed);
        }
        if (player != null) player.speed(newSpeed);
        speed.set(newSpeed);
    }

    /** The next speed up, staying at the fastest. */
    public void faster() {
        speed(SPEEDS.get(Math.min(SPEEDS.indexOf(speed.get()) + 1, SPEEDS.size() - 1)));
    }

    /** The next speed down, staying at the slowest. */
    public void slower() {
        speed(SPEEDS.get(Math.max(SPEEDS.indexOf(speed.get()) - 1, 0)));
    }

    /** Time from the run's first event to the current one. */
    public Duration elapsed() {
        return index == null ? Duration.ZERO : Duration.between(index.start(), index.at(player.position()));
    }

    /** Moves to the last event at or before {@code elapsed} after the run's first event (comparing runs). */
    public void seekElapsed(Duration elapsed) {
        if (player == null) return;
        player.seekTime(index.start().plus(elapsed));
        show();
    }

    private void show() {
        int at = player.position();
        int row = window.show(index, at);
        position.set(at);
        playing.set(player.playing());
        time.set(CLOCK.format(index.at(at)) + " · +" + elapsed(index.at(at)) + " of " + elapsed(index.end())
                + " · event " + (at + 1) + " of " + index.size());
        currentRowIndex.set(row);
        currentRow.set(row < window.rows().size() ? window.rows().get(row) : null);
    }

    private String elapsed(Instant at) {
        long s = Duration.between(index.start(), at).toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A file name for the export of the open run, e.g. {@code postmortem-<run>.md}. */
    public String suggestedFileName(ExportFormat format) {
        String run = index == null ? "run" : index.runId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "postmortem-" + run + "." + format.extension();
    }

    /** Writes the open run as {@code format} to {@code target}, off the FX thread. */
    public void export(ExportFormat format, Path target) {
        if (index == null) return;
        Path db = runFile;
        String runId = index.runId();
        begin("Writing the " + format.label() + " of run " + runId + " …");
        OffFxThread.run("replay-export", () -> Files.writeString(target, format.document(db, runId)), written -> {
            end();
            status.set("Wrote the " + format.label() + " of run " + runId + " to " + written + ".");
        }, e -> {
            end();
            error.set("Could not write " + target + ": " + reason(e));
        });
    }

    private void begin(String what) {
        working++;
        busy.set(true);
        status.set(what);
        error.set("");
    }

    private void end() {
        working--;
        busy.set(working > 0);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void closeRun() {
        if (index != null) index.close();
        index = null;
        player = null;
    }

    @Override
    public void close() {
        closed = true;
        playing.set(false);
        loaded.set(false);
        closeRun();
    }

    public ReadOnlyObjectProperty<Path> journalFileProperty() {
        return journalFile.getReadOnlyProperty();
    }

    public ObservableList<RunChoice> runs() {
        return readOnlyRuns;
    }

    /** The timeline's rows: a window around the position, at most a few hundred. */
    public ObservableList<TraceRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty openedRunProperty() {
        return openedRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lastPositionProperty() {
        return lastPosition.getReadOnlyProperty();
    }

    /** Where the current event is among {@link #rows()}. */
    public ReadOnlyIntegerProperty currentRowIndexProperty() {
        return currentRowIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceRow> currentRowProperty() {
        return currentRow.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The current event's time, how far into the run it is, and its number. */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
