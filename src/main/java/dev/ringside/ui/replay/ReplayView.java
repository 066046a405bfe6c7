package dev.ringside.ui.replay;

import dev.ringside.ui.trace.TraceRow;
import dev.ringside.ui.trace.TraceRowCell;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * One replay: journal file and run picker, the timeline (a window of rows, the current event
 * selected), the scrubber, the transport and the export buttons. Node ids start with the id given,
 * so two replays can stand side by side. Keys while the replay has focus: Space play/pause,
 * Left/Right step, Home/End, N/A/F next decision/approval/flag (with Shift the previous one), +/- speed.
 */
public final class ReplayView extends VBox {
    public static final String BANNER = "REPLAY — recorded outputs only, nothing is executed";

    private final ReplayViewModel vm;
    private final String id;
    private final ListView<TraceRow> timeline;
    private final Slider scrubber = new Slider(0, 0, 0);
    private boolean showingPosition;

    public ReplayView(ReplayViewModel vm, String id) {
        this.vm = vm;
        this.id = id;
        setId(id);
        getStyleClass().add("replay-pane");

        timeline = new ListView<>(vm.rows());
        timeline.setId(id + "-list");
        timeline.setCellFactory(l -> new TraceRowCell());
        timeline.setFixedCellSize(TraceRowCell.HEIGHT);
        timeline.setOnMouseClicked(e -> {
            int row = timeline.getSelectionModel().getSelectedIndex();
            if (row >= 0) vm.seekToRow(row);
        });
        vm.currentRowProperty().addListener((o, was, row) -> showCurrentRow());
        VBox.setVgrow(timeline, Priority.ALWAYS);

        Label opened = new Label();
        opened.setId(id + "-run-title");
        opened.getStyleClass().add("replay-run-title");
        opened.textProperty().bind(vm.openedRunProperty());

        TextArea detail = TraceRowCell.detailPane(id + "-row-detail", vm.currentRowProperty());
        getChildren().addAll(source(), messages(), opened, timeline, detail, scrubberRow(), transport());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        PlaybackClock.drive(vm);
    }

    /** The banner that stands above every replay. */
    public static Label banner() {
        Label banner = new Label(BANNER);
        banner.setId("replay-banner");
        banner.getStyleClass().add("replay-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    /** Gives the timeline the keyboard, so the replay keys work at once. */
    public void focusTimeline() {
        timeline.requestFocus();
    }

    private Node source() {
        TextField path = new TextField();
        path.setId(id + "-path");
        path.setPromptText("Journal file");
        vm.journalFileProperty().addListener((o, was, file) -> path.setText(file == null ? "" : file.toString()));
        path.setOnAction(e -> vm.openJournal(path.getText()));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button listRuns = button("List runs", "list-runs", "List the runs of the journal file typed here");
        listRuns.setOnAction(e -> vm.openJournal(path.getText()));
        Button browse = button("Open journal file…", "browse", "Pick a journal file, also one from another machine");
        browse.setOnAction(e -> chooseJournal());

        ComboBox<RunChoice> run = new ComboBox<>(vm.runs());
        run.setId(id + "-run");
        run.setPromptText("Pick a run to replay");
        run.setMaxWidth(Double.MAX_VALUE);
        run.valueProperty().addListener((o, was, choice) -> vm.openRun(choice));
        HBox.setHgrow(run, Priority.ALWAYS);
        ProgressIndicator opening = new ProgressIndicator();
        opening.setId(id + "-busy");
        opening.getStyleClass().add("replay-busy");
        opening.visibleProperty().bind(vm.busyProperty());
        opening.managedProperty().bind(opening.visibleProperty());

        HBox file = new HBox(6, path, listRuns, browse);
        file.setAlignment(Pos.CENTER_LEFT);
        HBox pick = new HBox(6, run, opening);
        pick.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, file, pick);
    }

    private Node messages() {
        Label status = new Label();
        status.setId(id + "-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(2, status, error);
    }

    private Node scrubberRow() {
        scrubber.setId(id + "-scrubber");
        scrubber.setBlockIncrement(1);
        scrubber.disableProperty().bind(vm.loadedProperty().not());
        scrubber.valueProperty().addListener((o, was, value) -> {
            if (!showingPosition) vm.scrub(value.doubleValue());
        });
        vm.positionProperty().addListener((o, was, now) -> showPosition());
        vm.lastPositionProperty().addListener((o, was, now) -> showPosition());
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        Label time = new Label();
        time.setId(id + "-time");
        time.getStyleClass().add("replay-time");
        time.textProperty().bind(vm.timeProperty());
        HBox row = new HBox(10, scrubber, time);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node transport() {
        Button back = button("⏮ Back", "back", "Step back (Left)");
        back.setOnAction(e -> vm.stepBack());
        Button play = button("", "play", "Play or pause (Space)");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("⏸ Pause").otherwise("▶ Play"));
        play.setOnAction(e -> vm.togglePlay());
        Button forward = button("Forward ⏭", "forward", "Step forward (Right)");
        forward.setOnAction(e -> vm.stepForward());

        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.getItems().setAll(ReplayViewModel.SPEEDS);
        speed.setId(id + "-speed");
        speed.setTooltip(new Tooltip("Replay speed (+ and - keys)"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : String.format("%.0f×", value);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, was, value) -> {
            if (value != null) vm.speed(value);
        });
        vm.speedProperty().addListener((o, was, value) -> speed.setValue(value.doubleValue()));

        Button decision = button("Next decision", "next-decision", "Next gate decision (N; Shift+N the previous)");
        decision.setOnAction(e -> vm.next(Landmark.DECISION));
        Button approval = button("Next approval", "next-approval", "Next approval request or answer (A; Shift+A the previous)");
        approval.setOnAction(e -> vm.next(Landmark.APPROVAL));
        Button flag = button("Next flag", "next-flag", "Next injection flag (F; Shift+F the previous)");
        flag.setOnAction(e -> vm.next(Landmark.FLAG));
        Button markdown = button("Export Markdown…", "export-markdown", "Postmortem: timeline, decisions, approvals, kill steps, audit check");
        markdown.setOnAction(e -> chooseExportFile(ExportFormat.MARKDOWN));
        Button otel = button("Export OTel JSON…", "export-otel", "OpenTelemetry GenAI spans (invoke_agent, chat, execute_tool)");
        otel.setOnAction(e -> chooseExportFile(ExportFormat.OTEL));

        FlowPane bar = new FlowPane(6, 6, back, play, forward, speed, new Separator(Orientation.VERTICAL),
                decision, approval, flag, new Separator(Orientation.VERTICAL), markdown, otel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("replay-transport");
        bar.disableProperty().bind(vm.loadedProperty().not());
        return bar;
    }

    private Button button(String text, String suffix, String tip) {
        Button button = new Button(text);
        button.setId(id + "-" + suffix);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    private void showCurrentRow() {
        int row = vm.currentRowIndexProperty().get();
        if (row < 0 || row >= timeline.getItems().size()) return;
        timeline.getSelectionModel().select(row);
        timeline.scrollTo(Math.max(0, row - 3));
    }

    private void showPosition() {
        showingPosition = true;
        try {
            scrubber.setMax(Math.max(0, vm.lastPositionProperty().get()));
            scrubber.setValue(vm.positionProperty().get());
        } finally {
            showingPosition = false;
        }
    }

    private void chooseJournal() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Ringside journal to replay");
        File current = vm.journalFileProperty().get() == null ? null : vm.journalFileProperty().get().toFile().getParentFile();
        if (current != null && current.isDirectory()) chooser.setInitialDirectory(current);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Ringside journal", "*.db", "*.sqlite"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File picked = chooser.showOpenDialog(getScene().getWindow());
        if (picked != null) vm.openJournal(picked.toPath());
    }

    private void chooseExportFile(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + format.label());
        chooser.setInitialFileName(vm.suggestedFileName(format));
        File picked = chooser.showSaveDialog(getScene().getWindow());
        if (picked != null) vm.export(format, picked.toPath());
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        boolean back = e.isShiftDown();
        switch (e.getCode()) {
            case SPACE -> vm.togglePlay();
            case LEFT, UP -> vm.stepBack();
            case RIGHT, DOWN -> vm.stepForward();
            case HOME -> vm.first();
            case END -> vm.last();
            case N -> landmark(Landmark.DECISION, back);
            case A -> landmark(Landmark.APPROVAL, back);
            case F -> landmark(Landmark.FLAG, back);
            case PLUS, ADD, EQUALS -> vm.faster();
            case MINUS, SUBTRACT -> vm.slower();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void landmark(Landmark landmark, boolean back) {
        if (back) vm.previous(landmark);
        else vm.next(landmark);
    }
}
