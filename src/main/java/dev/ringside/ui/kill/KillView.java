package dev.ringside.ui.kill;

import dev.ringside.ui.Overlay;
import dev.ringside.ui.backend.KillState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The KILLED panel: who killed, when and why, and a checklist of every kill step as the journal
 * recorded it. A step shows done only once its {@code confirmed} record arrived; a failed step
 * shows its error and a retry. Re-arming asks for a reason, then asks again.
 */
public final class KillView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final KillViewModel vm;
    private final Overlay overlay;
    private final Label headline = new Label();
    private final VBox checklist = new VBox(4);

    public KillView(KillViewModel vm, Overlay overlay) {
        this.vm = vm;
        this.overlay = overlay;
        setId("killed-panel");
        getStyleClass().add("killed-panel");
        headline.getStyleClass().add("killed-headline");
        headline.setWrapText(true);
        checklist.setId("kill-checklist");
        Button rearm = new Button("Re-arm agents…");
        rearm.setId("rearm");
        rearm.setOnAction(e -> askReason());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, headline, grow, rearm);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, checklist, error);
        visibleProperty().bind(vm.killedBinding());
        managedProperty().bind(visibleProperty());
        vm.stateProperty().addListener((o, a, s) -> render(s));
        render(vm.stateProperty().get());
    }

    /** The big red button, shown in the window's header whatever state it is in. */
    public static Button killButton(KillViewModel vm) {
        Button kill = new Button();
        kill.setId("kill-switch");
        kill.getStyleClass().add("kill-switch");
        kill.textProperty().bind(javafx.beans.binding.Bindings.when(vm.killedBinding())
                .then("KILLED — all agents stopped").otherwise("KILL ALL AGENTS   Ctrl+Shift+K"));
        kill.setOnAction(e -> vm.kill());
        kill.setFocusTraversable(false);
        return kill;
    }

    private void render(KillState s) {
        if (!s.killed()) {
            checklist.getChildren().clear();
            return;
        }
        headline.setText("ALL AGENTS KILLED at " + TIME.format(s.at()) + " by " + s.by() + " — " + s.reason());
        checklist.getChildren().clear();
        if (s.steps().isEmpty()) {
            Label waiting = new Label("…  waiting for the journal to record the kill steps");
            waiting.getStyleClass().add("step-requested");
            checklist.getChildren().add(waiting);
        }
        for (KillState.Step step : s.steps()) {
            Label mark = new Label(step.confirmed() ? "✔ CONFIRMED" : step.failed() ? "✖ FAILED" : "…  REQUESTED");
            mark.getStyleClass().addAll("step-mark", "step-" + step.status());
            Label name = new Label(step.name());
            name.getStyleClass().add("step-name");
            Label detail = new Label(step.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("muted");
            HBox row = new HBox(10, mark, name, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("kill-step-" + step.name());
            row.getStyleClass().add("kill-step");
            if (step.failed() && step.retryable()) {
                Button retry = new Button("Retry");
                retry.setId("retry-" + step.name());
                retry.setOnAction(e -> vm.retry(step));
                row.getChildren().add(retry);
            }
            checklist.getChildren().add(row);
        }
    }

    private void askReason() {
        Label title = new Label("Re-arm the agents");
        title.getStyleClass().add("sheet-title");
        Label note = new Label("Agents will be able to act in the cluster again. Your name and reason go into the audit chain.");
        note.setWrapText(true);
        note.setPrefWidth(420);
        TextField reason = new TextField();
        reason.setId("rearm-reason");
        reason.setPromptText("Why is it safe to re-arm?");
        Button next = new Button("Continue");
        next.setId("rearm-continue");
        next.setDefaultButton(true);
        next.disableProperty().bind(reason.textProperty().isEmpty());
        next.setOnAction(e -> confirm(reason.getText()));
        VBox sheet = new VBox(10, title, note, reason, new HBox(8, next, cancel()));
        sheet.setId("rearm-sheet");
        overlay.show(sheet);
    }

    private void confirm(String reason) {
        Label title = new Label("Re-arm every agent now?");
        title.getStyleClass().add("sheet-title");
        Label said = new Label("Reason: " + reason);
        said.setWrapText(true);
        Label plan = new Label("Will restore:\n" + String.join("\n", vm.restorePlan()));
        plan.setId("rearm-plan");
        plan.setWrapText(true);
        plan.setPrefWidth(520);
        Button yes = new Button("Yes, re-arm");
        yes.setId("rearm-confirm");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> {
            overlay.hide();
            vm.rearm(reason);
        });
        Button no = cancel();
        no.setDefaultButton(true);
        VBox sheet = new VBox(10, title, said, plan, new HBox(8, yes, no));
        sheet.setId("rearm-confirm-sheet");
        overlay.show(sheet);
    }

    private Button cancel() {
        Button no = new Button("Cancel (Esc)");
        no.setCancelButton(true);
        no.setOnAction(e -> overlay.hide());
        return no;
    }
}
