package dev.ringside.ui.approvals;

import dev.ringside.ui.Overlay;
import dev.ringside.ui.backend.ApprovalCard;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The approvals inbox. With the inbox focused: arrows move, A approves (Ring 2 asks to confirm),
 * D denies with a reason, E edits the arguments then approves. Keys typed into a text field never
 * act on a request.
 */
public final class ApprovalsView extends VBox {
    private final ApprovalsViewModel vm;
    private final Overlay overlay;
    private final ListView<ApprovalCard> list;
    private final TextField comment = new TextField();

    public ApprovalsView(ApprovalsViewModel vm, Overlay overlay) {
        this.vm = vm;
        this.overlay = overlay;
        getStyleClass().add("approvals-panel");
        setId("approvals");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.size(vm.pending()).asString("Approvals · %d pending"));

        list = new ListView<>(vm.pending());
        list.setId("approvals-list");
        list.setPrefHeight(170);
        list.setCellFactory(l -> new CardCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
        });
        vm.nowProperty().addListener((o, a, b) -> list.refresh());
        Label empty = new Label("Nothing waits for you.");
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);

        VBox detail = detailPane();
        Label closedTitle = new Label("Recently closed");
        closedTitle.getStyleClass().add("section-title");
        ListView<String> closed = new ListView<>(vm.closed());
        closed.setId("approvals-closed");
        closed.setPrefHeight(110);
        VBox.setVgrow(detail, Priority.ALWAYS);
        getChildren().addAll(title, list, detail, closedTitle, closed);

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            if (e.getCode() == KeyCode.A) approveSelected();
            else if (e.getCode() == KeyCode.D) denySelected();
            else if (e.getCode() == KeyCode.E) editSelected();
            else return;
            e.consume();
        });
    }

    private VBox detailPane() {
        Label tool = value("approval-tool");
        tool.getStyleClass().add("approval-tool");
        Label ring = value("approval-ring");
        Label countdown = value("approval-countdown");
        countdown.getStyleClass().add("countdown");
        Label call = value("approval-call");
        call.getStyleClass().add("code");
        Label digest = value("approval-digest");
        digest.getStyleClass().add("code");
        Label why = value("approval-rule");
        Label reasoning = value("approval-reasoning");
        Label blast = value("approval-blast");
        Label approvers = value("approval-approvers");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("approval-grid");
        int r = 0;
        for (var row : new Object[][] {{"Call", call}, {"Digest", digest}, {"Why a person", why}, {"Agent's reasoning", reasoning},
                {"Blast radius", blast}, {"Approvals", approvers}}) {
            Label key = new Label((String) row[0]);
            key.getStyleClass().add("muted");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(r++, key, (Label) row[1]);
        }
        HBox head = new HBox(8, tool, ring, countdown);
        head.setAlignment(Pos.CENTER_LEFT);

        comment.setId("approval-comment");
        comment.setPromptText("Comment for the record (optional)");
        Button approve = new Button("Approve (A)");
        approve.setId("approve");
        approve.getStyleClass().add("success");
        approve.setOnAction(e -> approveSelected());
        Button deny = new Button("Deny (D)");
        deny.setId("deny");
        deny.getStyleClass().add("danger");
        deny.setOnAction(e -> denySelected());
        Button edit = new Button("Edit, then approve (E)");
        edit.setId("edit");
        edit.setOnAction(e -> editSelected());
        HBox buttons = new HBox(6, approve, deny, edit);
        Label message = new Label();
        message.setId("approval-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label error = new Label();
        error.setId("approval-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);

        VBox pane = new VBox(8, head, grid, comment, buttons, message, error);
        pane.getStyleClass().add("approval-detail");
        pane.disableProperty().bind(vm.selectedProperty().isNull());
        Runnable show = () -> {
            ApprovalCard c = vm.selectedProperty().get();
            tool.setText(c == null ? "No request selected" : c.tool());
            ring.setText(c == null ? "" : "Ring " + c.ring());
            ring.getStyleClass().removeIf(s -> s.startsWith("ring-"));
            ring.getStyleClass().add("ring-badge");
            if (c != null) ring.getStyleClass().add("ring-" + c.ring());
            countdown.setText(c == null ? "" : ApprovalsViewModel.countdown(c, vm.nowProperty().get()));
            call.setText(c == null ? "" : c.tool() + " " + c.argsJson());
            digest.setText(c == null ? "" : c.digest());
            why.setText(c == null ? "" : c.rule() + " — " + c.reason());
            reasoning.setText(c == null ? "" : orDash(c.reasoning()));
            blast.setText(c == null ? "" : orDash(c.blastRadius()));
            approvers.setText(c == null ? "" : ApprovalsViewModel.approvalsSoFar(c) + " · you are " + vm.approver());
        };
        vm.selectedProperty().addListener((o, a, b) -> show.run());
        vm.nowProperty().addListener((o, a, b) -> show.run());
        show.run();
        return pane;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private void approveSelected() {
        ApprovalCard card = vm.selectedProperty().get();
        if (card == null) return;
        if (!vm.needsConfirmation(card)) {
            if (vm.approve(card, comment.getText())) comment.clear();
            return;
        }
        Label title = new Label("Approve a Ring " + card.ring() + " call?");
        title.getStyleClass().add("sheet-title");
        Label call = new Label(card.tool() + " " + card.argsJson());
        call.getStyleClass().add("code");
        Label digest = new Label("digest " + card.digest());
        digest.getStyleClass().addAll("code", "muted");
        Label blast = new Label("Blast radius: " + orDash(card.blastRadius()));
        blast.setWrapText(true);
        Button yes = new Button("Approve as " + vm.approver());
        yes.setId("confirm-approve");
        yes.getStyleClass().add("success");
        yes.setDefaultButton(true);
        yes.setOnAction(e -> {
            overlay.hide();
            if (vm.approve(card, comment.getText())) comment.clear();
            list.requestFocus();
        });
        Button no = cancel();
        VBox sheet = new VBox(10, title, call, digest, blast, new HBox(8, yes, no));
        sheet.setId("confirm-approve-sheet");
        overlay.show(sheet);
    }

    private void denySelected() {
        ApprovalCard card = vm.selectedProperty().get();
        if (card == null) return;
        Label title = new Label("Deny " + card.tool() + "?");
        title.getStyleClass().add("sheet-title");
        TextField reason = new TextField();
        reason.setId("deny-reason");
        reason.setPromptText("Reason (the agent and the postmortem read it)");
        reason.setPrefColumnCount(36);
        Button deny = new Button("Deny");
        deny.setId("deny-confirm");
        deny.getStyleClass().add("danger");
        deny.setDefaultButton(true);
        deny.disableProperty().bind(reason.textProperty().isEmpty());
        deny.setOnAction(e -> {
            overlay.hide();
            vm.deny(card, reason.getText());
            list.requestFocus();
        });
        VBox sheet = new VBox(10, title, new Label(card.tool() + " " + card.argsJson().replace('\n', ' ')), reason,
                new HBox(8, deny, cancel()));
        sheet.setId("deny-sheet");
        overlay.show(sheet);
    }

    private void editSelected() {
        ApprovalCard card = vm.selectedProperty().get();
        if (card == null) return;
        Label title = new Label("Edit " + card.tool() + ", then approve");
        title.getStyleClass().add("sheet-title");
        Label note = new Label("The edited call gets a new digest and passes the gate's hard checks again before it is approved.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        TextArea original = new TextArea(card.argsJson());
        original.setId("edit-original");
        original.setEditable(false);
        original.setPrefRowCount(8);
        original.setPrefColumnCount(30);
        TextArea edited = new TextArea(card.argsJson());
        edited.setId("edit-args");
        edited.setPrefRowCount(8);
        edited.setPrefColumnCount(30);
        VBox left = new VBox(4, new Label("Agent asked for"), original);
        VBox right = new VBox(4, new Label("What will run"), edited);
        HBox sideBySide = new HBox(10, left, right);
        TextField editComment = new TextField(comment.getText());
        editComment.setPromptText("Comment for the record (optional)");
        Label error = new Label();
        error.setId("edit-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button approve = new Button("Approve edited call as " + vm.approver());
        approve.setId("edit-approve");
        approve.getStyleClass().add("success");
        approve.setOnAction(e -> {
            if (vm.editThenApprove(card, edited.getText(), editComment.getText())) {
                overlay.hide();
                comment.clear();
                list.requestFocus();
            }
        });
        VBox sheet = new VBox(10, title, note, sideBySide, editComment, error, new HBox(8, approve, cancel()));
        sheet.setId("edit-sheet");
        overlay.show(sheet);
        edited.requestFocus();
    }

    private Button cancel() {
        Button no = new Button("Cancel (Esc)");
        no.setCancelButton(true);
        no.setOnAction(e -> {
            overlay.hide();
            list.requestFocus();
        });
        return no;
    }

    private final class CardCell extends ListCell<ApprovalCard> {
        @Override
        protected void updateItem(ApprovalCard card, boolean empty) {
            super.updateItem(card, empty);
            setGraphic(null);
            if (empty || card == null) {
                setText(null);
                return;
            }
            setText(card.tool() + "   Ring " + card.ring() + "   " + ApprovalsViewModel.countdown(card, vm.nowProperty().get())
                    + "\n" + card.agent() + " · " + ApprovalsViewModel.approvalsSoFar(card));
        }
    }
}
