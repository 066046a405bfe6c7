package dev.ringside.ui.trace;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The live trace: filters and search above a virtualized list that follows the newest event. */
public final class TraceView extends VBox {
    private static final String ALL_TYPES = "All types";

    public TraceView(TraceViewModel vm) {
        getStyleClass().add("trace-panel");
        Label title = new Label("Live trace");
        title.getStyleClass().add("panel-title");

        ComboBox<String> agent = new ComboBox<>(vm.agents());
        agent.setId("trace-agent");
        agent.valueProperty().bindBidirectional(vm.agentFilterProperty());
        ComboBox<String> run = new ComboBox<>(vm.runs());
        run.setId("trace-run");
        run.valueProperty().bindBidirectional(vm.runFilterProperty());
        List<String> typeLabels = new ArrayList<>(List.of(ALL_TYPES));
        for (TraceKind k : TraceKind.values()) typeLabels.add(k.label());
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(typeLabels));
        type.setId("trace-type");
        type.setValue(ALL_TYPES);
        type.valueProperty().addListener((o, a, label) -> vm.kindFilterProperty().set(kindOf(label)));
        vm.kindFilterProperty().addListener((o, a, k) -> type.setValue(k == null ? ALL_TYPES : k.label()));
        TextField search = new TextField();
        search.setId("trace-search");
        search.setPromptText("Search the trace");
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("trace-follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        follow.setMinWidth(Region.USE_PREF_SIZE);
        Label skipped = new Label();
        skipped.getStyleClass().add("warning-text");
        skipped.textProperty().bind(vm.skippedProperty().asString("%d events skipped under load (the journal has them)"));
        skipped.visibleProperty().bind(vm.skippedProperty().greaterThan(0));
        skipped.managedProperty().bind(skipped.visibleProperty());

        HBox filters = new HBox(6, agent, run, type, search, follow);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("trace-filters");

        ListView<TraceRow> list = new ListView<>(vm.visibleRows());
        list.setId("trace-list");
        list.setCellFactory(l -> new TraceRowCell());
        list.setFixedCellSize(TraceRowCell.HEIGHT);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) vm.followProperty().set(false);
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.HOME) {
                vm.followProperty().set(false);
            }
        });
        FollowScroller follower = new FollowScroller(list, vm);
        vm.visibleRows().addListener((ListChangeListener<TraceRow>) c -> follower.requestScroll());
        vm.followProperty().addListener((o, a, on) -> follower.requestScroll());
        TextArea detail = TraceRowCell.detailPane("trace-row-detail", list.getSelectionModel().selectedItemProperty());
        getChildren().addAll(title, filters, skipped, list, detail);
    }

    private static TraceKind kindOf(String label) {
        for (TraceKind k : TraceKind.values()) if (k.label().equals(label)) return k;
        return null;
    }
}
