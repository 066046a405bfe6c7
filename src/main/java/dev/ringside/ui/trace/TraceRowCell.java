package dev.ringside.ui.trace;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One trace row in two fixed lines: time, agent, what happened and the run; below it the suspicious
 * text of a flagged injection (highlighted), or the first line of the detail. The nodes are built
 * once per cell and only their texts change, and every cell has the same height, so the list
 * stays fast however many rows stream in. The full detail of the selected row is shown beside the list.
 */
public final class TraceRowCell extends ListCell<TraceRow> {
    /** Two lines of text plus padding; the list uses it as its fixed cell size. */
    public static final double HEIGHT = 44;
    /** The run id gives way first when the row is narrow: what happened matters more. */
    private static final double RUN_WIDTH = 170;
    private static final int LINE_CHARS = 240;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** Tones as pseudo-classes ({@code :tone-deny}): switching one is cheap, unlike a style class, which re-styles the cell. */
    private static final Map<String, PseudoClass> TONES = Stream.of(TraceRow.TONES)
            .collect(Collectors.toUnmodifiableMap(t -> t, t -> PseudoClass.getPseudoClass("tone-" + t)));
    private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");

    private final Label time = label("trace-time");
    private final Label agent = label("trace-agent");
    private final Label title = label("trace-title");
    private final Label run = label("muted");
    private final Label second = label("trace-second");
    private final VBox box;

    public TraceRowCell() {
        time.setMinWidth(Region.USE_PREF_SIZE);
        agent.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        run.setMinWidth(0);
        run.setMaxWidth(RUN_WIDTH);
        HBox head = new HBox(8, time, agent, title, run);
        head.setAlignment(Pos.CENTER_LEFT);
        second.setMaxWidth(Double.MAX_VALUE);
        second.setMinWidth(0);
        box = new VBox(2, head, second);
        box.setMinWidth(0);
        box.setPrefWidth(1);
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setWrapText(false);
        return l;
    }

    @Override
    protected void updateItem(TraceRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        String tone = empty || row == null ? null : row.tone();
        TONES.forEach((name, pseudoClass) -> pseudoClassStateChanged(pseudoClass, name.equals(tone)));
        if (tone == null) {
            setGraphic(null);
            return;
        }
        time.setText(TIME.format(row.at()));
        agent.setText(row.agent());
        title.setText(row.title());
        run.setText(row.runId());
        boolean flagged = row.excerpt() != null;
        second.pseudoClassStateChanged(FLAGGED, flagged);
        second.setText(flagged ? "suspicious text: " + oneLine(row.excerpt()) : oneLine(row.detail()));
        setGraphic(box);
    }

    /** The first {@link #LINE_CHARS} characters on one line: more never fits, and ellipsis fitting measures every character it is given. */
    private static String oneLine(String text) {
        if (text == null) return "";
        String line = text.length() > LINE_CHARS ? text.substring(0, LINE_CHARS) : text;
        return line.replace('\n', ' ');
    }

    /** Everything the row says, on several lines, for the detail pane beside a list. */
    static String fullText(TraceRow row) {
        return TIME.format(row.at()) + "  " + row.agent() + "  " + row.runId() + "\n" + row.title()
                + (row.excerpt() == null ? "" : "\nsuspicious text: " + row.excerpt())
                + (row.detail().isEmpty() ? "" : "\n" + row.detail());
    }

    /** A read-only pane showing {@link #fullText} of whichever row {@code shown} holds. */
    public static TextArea detailPane(String id, ObservableValue<TraceRow> shown) {
        TextArea detail = new TextArea();
        detail.setId(id);
        detail.getStyleClass().add("trace-row-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(4);
        detail.setPromptText("Select an event to read all of it");
        detail.textProperty().bind(shown.map(TraceRowCell::fullText).orElse(""));
        return detail;
    }
}
