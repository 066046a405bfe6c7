package dev.ringside.ui.agents;

import dev.ringside.ui.backend.AgentCard;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The agents panel. Picking an agent shows its current run in the live trace. */
public final class AgentsView extends VBox {

    public AgentsView(AgentsViewModel vm) {
        getStyleClass().add("agents-panel");
        Label title = new Label("Agents");
        title.getStyleClass().add("panel-title");
        ListView<AgentCard> list = new ListView<>(vm.agents());
        list.setId("agents-list");
        list.setCellFactory(l -> new AgentCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    private static final class AgentCell extends ListCell<AgentCard> {
        @Override
        protected void updateItem(AgentCard agent, boolean empty) {
            super.updateItem(agent, empty);
            setText(null);
            if (empty || agent == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(agent.id());
            name.getStyleClass().add("agent-name");
            Label ring = new Label(AgentsViewModel.ringLabel(agent));
            ring.getStyleClass().addAll("ring-badge", "ring-" + agent.ring());
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox head = new HBox(6, name, grow, ring);
            head.setAlignment(Pos.CENTER_LEFT);

            Label breaker = new Label("breaker " + agent.breaker());
            breaker.getStyleClass().addAll("breaker", "breaker-" + agent.breaker());
            ProgressBar trips = new ProgressBar(AgentsViewModel.tripFraction(agent));
            trips.getStyleClass().add("trip-bar");
            trips.setPrefWidth(70);
            Label count = new Label(agent.tripsInWindow() + "/" + agent.tripLimit() + " in window");
            count.getStyleClass().add("muted");
            HBox breakerRow = new HBox(6, breaker, trips, count);
            breakerRow.setAlignment(Pos.CENTER_LEFT);

            Label mode = new Label(agent.mode().toUpperCase(java.util.Locale.ROOT));
            mode.getStyleClass().addAll("mode-badge", "mode-" + agent.mode());
            Label run = new Label(agent.currentRun() == null ? "idle" : "run " + agent.currentRun());
            run.getStyleClass().add(agent.currentRun() == null ? "muted" : "run-id");
            HBox runRow = new HBox(6, mode, run);
            runRow.setAlignment(Pos.CENTER_LEFT);

            VBox box = new VBox(4, head, breakerRow, runRow);
            if (agent.paused()) {
                Label paused = new Label("PAUSED — cannot act");
                paused.getStyleClass().add("paused");
                box.getChildren().add(paused);
            }
            box.getStyleClass().add("agent-card");
            setGraphic(box);
        }
    }
}
