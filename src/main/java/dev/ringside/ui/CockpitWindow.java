package dev.ringside.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ringside.ui.agents.AgentsView;
import dev.ringside.ui.approvals.ApprovalsView;
import dev.ringside.ui.backend.ApprovalCard;
import dev.ringside.ui.backend.CockpitStatus;
import dev.ringside.ui.hotkey.GlobalHotkey;
import dev.ringside.ui.kill.KillView;
import dev.ringside.ui.replay.CompareView;
import dev.ringside.ui.replay.ReplayView;
import dev.ringside.ui.status.StatusBarView;
import dev.ringside.ui.trace.TraceView;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The cockpit window: agents on the left, the live trace in the middle, the approvals inbox on the
 * right, the status bar below, and the kill switch always in the header. Ctrl+Shift+K kills from
 * anywhere in the window, including from inside a text field. The header switches the main area
 * between Live, Replay (Ctrl+R) and Compare; the kill switch and the live stream stay in every mode.
 */
public final class CockpitWindow {
    public static final KeyCombination KILL_KEYS = new KeyCodeCombination(KeyCode.K, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REPLAY_KEYS = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    private static final String STYLESHEET = "/ui/cockpit.css";

    private final CockpitViewModel vm;
    private final Overlay overlay = new Overlay();
    private final DesktopNotifier desktop = new DesktopNotifier();
    private final Scene scene;
    private String hotkeyStatus = "The system-wide hotkey is registered when the window opens.";

    public CockpitWindow(CockpitViewModel vm) {
        this.vm = vm;
        applyTheme(vm.darkProperty().get());

        BorderPane main = new BorderPane();
        main.getStyleClass().add("cockpit");
        main.setTop(header());

        AgentsView agents = new AgentsView(vm.agents());
        TraceView trace = new TraceView(vm.trace());
        ApprovalsView approvals = new ApprovalsView(vm.approvals(), overlay);
        SplitPane split = new SplitPane(agents, trace, approvals);
        split.setDividerPositions(0.22, 0.64);
        SplitPane.setResizableWithParent(agents, false);
        KillView killed = new KillView(vm.kill(), overlay);
        StackPane modeArea = new StackPane();
        VBox center = new VBox(killed, modeArea);
        VBox.setVgrow(modeArea, Priority.ALWAYS);
        main.setCenter(center);
        showModes(modeArea, split);
        main.setBottom(new StatusBarView(vm.status()));

        StackPane root = new StackPane(main, overlay.layer());
        root.setId("cockpit-root");
        root.getStyleClass().add("cockpit-root");
        vm.kill().killedBinding().addListener((o, was, killedNow) -> {
            if (killedNow) root.getStyleClass().add("killed");
            else root.getStyleClass().remove("killed");
        });
        vm.darkProperty().addListener((o, a, dark) -> {
            applyTheme(dark);
            root.getStyleClass().removeAll("dark", "light");
            root.getStyleClass().add(dark ? "dark" : "light");
        });
        root.getStyleClass().add(vm.darkProperty().get() ? "dark" : "light");

        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(CockpitWindow.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (KILL_KEYS.match(e)) {
                vm.kill().kill();
                e.consume();
            } else if (REPLAY_KEYS.match(e)) {
                vm.switchTo(CockpitMode.REPLAY);
                e.consume();
            }
        });
    }

    /** The main area shows the mode's panel; the replay panels are built once and keep their state between switches. */
    private void showModes(StackPane area, Node live) {
        ReplayView replay = new ReplayView(vm.replay(), "replay");
        CompareView compare = new CompareView(vm.compare());
        Map<CockpitMode, Node> panels = new EnumMap<>(Map.of(CockpitMode.LIVE, live,
                CockpitMode.REPLAY, replayArea(replay), CockpitMode.COMPARE, replayArea(compare)));
        area.getChildren().setAll(panels.get(vm.modeProperty().get()));
        vm.modeProperty().addListener((o, was, mode) -> {
            area.getChildren().setAll(panels.get(mode));
            if (mode == CockpitMode.REPLAY) replay.focusTimeline();
            if (mode == CockpitMode.COMPARE) compare.focusTimeline();
        });
    }

    private static VBox replayArea(Node content) {
        VBox area = new VBox(ReplayView.banner(), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return area;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private VBox header() {
        Label brand = new Label("RINGSIDE");
        brand.getStyleClass().add("brand");
        Label approver = new Label();
        approver.setId("approver");
        approver.getStyleClass().add("muted");
        approver.textProperty().bind(vm.approverProperty().concat(" approves from this cockpit"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToggleButton light = new ToggleButton("Light");
        light.setId("theme-toggle");
        light.setFocusTraversable(false);
        light.selectedProperty().addListener((o, a, on) -> vm.darkProperty().set(!on));
        Button settings = new Button("Settings");
        settings.setId("settings");
        settings.setFocusTraversable(false);
        settings.setOnAction(e -> showSettings());
        HBox bar = new HBox(12, brand, approver, modeSwitch(), grow, light, settings, KillView.killButton(vm.kill()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("header");

        Label alarm = new Label();
        alarm.setId("policy-alarm");
        alarm.getStyleClass().add("policy-alarm");
        alarm.setMaxWidth(Double.MAX_VALUE);
        alarm.setWrapText(true);
        alarm.setVisible(false);
        alarm.managedProperty().bind(alarm.visibleProperty());
        vm.status().statusProperty().addListener((o, a, s) -> showPolicyAlarm(alarm, s));

        Label note = new Label();
        note.setId("notification");
        note.getStyleClass().add("notification");
        note.setMaxWidth(Double.MAX_VALUE);
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());
        PauseTransition fade = new PauseTransition(Duration.seconds(12));
        fade.setOnFinished(e -> note.setVisible(false));
        vm.approvals().arrivedProperty().addListener((o, a, card) -> {
            if (card == null) return;
            String text = newRequest(card);
            note.setText("New approval request: " + text);
            note.setVisible(true);
            fade.playFromStart();
            desktop.notify("Ringside: approval needed", text);
        });
        return new VBox(bar, alarm, note);
    }

    /** Live, Replay and Compare as one segmented switch; the view model's mode is what is selected. */
    private HBox modeSwitch() {
        HBox modes = new HBox();
        modes.getStyleClass().add("mode-switch");
        for (CockpitMode mode : CockpitMode.values()) {
            ToggleButton button = new ToggleButton(mode.label());
            button.setId("mode-" + mode.name().toLowerCase(Locale.ROOT));
            button.setFocusTraversable(false);
            button.setSelected(vm.modeProperty().get() == mode);
            button.setOnAction(e -> {
                vm.switchTo(mode);
                button.setSelected(true);
            });
            vm.modeProperty().addListener((o, was, now) -> button.setSelected(now == mode));
            modes.getChildren().add(button);
        }
        modes.getChildren().getFirst().getStyleClass().add("first");
        modes.getChildren().getLast().getStyleClass().add("last");
        return modes;
    }

    private static String newRequest(ApprovalCard card) {
        return card.tool() + " from " + card.agent() + " (Ring " + card.ring() + ") — " + card.reason();
    }

    private static void showPolicyAlarm(Label alarm, CockpitStatus s) {
        alarm.setVisible(s != null && !s.policyLoaded());
        if (s != null && !s.policyLoaded()) {
            alarm.setText("NO POLICY LOADED — the gate denies every agent call (fail closed). " + s.policyBroken());
        }
    }

    private void showSettings() {
        Label title = new Label("Settings");
        title.getStyleClass().add("sheet-title");
        TextField name = new TextField(vm.approverProperty().get());
        name.setId("settings-approver");
        Button apply = new Button("Use this name");
        apply.setId("settings-apply");
        apply.setOnAction(e -> vm.approver(name.getText()));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.approverErrorProperty());
        Label hotkeyTitle = new Label("Kill switch hotkey");
        hotkeyTitle.getStyleClass().add("section-title");
        Label hotkey = new Label(hotkeyStatus);
        hotkey.setId("hotkey-note");
        hotkey.setWrapText(true);
        hotkey.setPrefWidth(480);
        Button close = new Button("Close (Esc)");
        close.setCancelButton(true);
        close.setOnAction(e -> overlay.hide());
        VBox sheet = new VBox(10, title, new Label("Approver (you, never an agent)"), new HBox(8, name, apply), error,
                hotkeyTitle, hotkey, close);
        sheet.setId("settings-sheet");
        overlay.show(sheet);
    }

    public Scene scene() {
        return scene;
    }

    public void show(Stage stage) {
        stage.setTitle("Ringside — on-call cockpit");
        stage.setScene(scene);
        vm.start();
        stage.show();
        GlobalHotkey.Registration hotkey = GlobalHotkey.registerKillKeys(System.getenv(), () -> Platform.runLater(() -> vm.kill().kill()));
        hotkeyStatus = hotkey.status();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            hotkey.close();
            vm.close();
        });
    }
}
