package dev.ringside.ui.replay;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Two replays side by side (node ids {@code left-…} and {@code right-…}) and the toggle that aligns them by elapsed time. */
public final class CompareView extends VBox {
    private final ReplayView left;

    public CompareView(CompareViewModel vm) {
        getStyleClass().add("compare-panel");
        ToggleButton align = new ToggleButton("Align by elapsed time");
        align.setId("compare-align");
        align.setFocusTraversable(false);
        align.selectedProperty().bindBidirectional(vm.alignedProperty());
        Label how = new Label("While aligned, the right run shows the moment as long after its start as the left one.");
        how.getStyleClass().add("muted");
        HBox bar = new HBox(10, align, how);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-bar");

        left = new ReplayView(vm.left(), "left");
        SplitPane sides = new SplitPane(left, new ReplayView(vm.right(), "right"));
        VBox.setVgrow(sides, Priority.ALWAYS);
        getChildren().addAll(bar, sides);
    }

    /** Gives the left timeline the keyboard. */
    public void focusTimeline() {
        left.focusTimeline();
    }
}
