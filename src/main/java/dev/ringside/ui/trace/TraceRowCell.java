package dev.ringside.ui.trace;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One worded trace row in a list (the live trace and replay timelines): time, agent, title in its tone, detail. */
public final class TraceRowCell extends ListCell<TraceRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    protected void updateItem(TraceRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        getStyleClass().removeIf(s -> s.startsWith("tone-"));
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        getStyleClass().add("tone-" + row.tone());
        Label time = new Label(TIME.format(row.at()));
        time.getStyleClass().add("trace-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        Label agent = new Label(row.agent());
        agent.getStyleClass().add("trace-agent");
        agent.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(row.title());
        title.getStyleClass().addAll("trace-title", "tone-text-" + row.tone());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label run = new Label(row.runId());
        run.getStyleClass().add("muted");
        HBox head = new HBox(8, time, agent, title, grow, run);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, head);
        if (row.excerpt() != null) {
            Label excerpt = new Label("suspicious text: " + row.excerpt());
            excerpt.getStyleClass().add("injection-excerpt");
            excerpt.setWrapText(true);
            box.getChildren().add(excerpt);
        }
        if (!row.detail().isEmpty()) {
            Label detail = new Label(row.detail().replace('\n', ' '));
            detail.getStyleClass().add("trace-detail");
            box.getChildren().add(detail);
        }
        box.setMinWidth(0);
        box.setPrefWidth(1);
        setGraphic(box);
    }
}
