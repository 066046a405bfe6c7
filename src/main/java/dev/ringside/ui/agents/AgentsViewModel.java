package dev.ringside.ui.agents;

import dev.ringside.ui.backend.AgentBoard;
import dev.ringside.ui.backend.AgentCard;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The agents panel: each agent's ring, breaker, current run, mode and whether it is paused. */
public final class AgentsViewModel {
    private final AgentBoard board;
    private final ObservableList<AgentCard> agents = FXCollections.observableArrayList();
    private final ObjectProperty<AgentCard> selected = new SimpleObjectProperty<>();

    public AgentsViewModel(AgentBoard board) {
        this.board = board;
    }

    public void refresh() {
        List<AgentCard> now = board.agents();
        if (now.equals(agents)) return;
        String keep = selected.get() == null ? null : selected.get().id();
        agents.setAll(now);
        selected.set(now.stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
    }

    /** "Ring 2" — always shown with the ring's colour, never by colour alone. */
    public static String ringLabel(AgentCard agent) {
        return "Ring " + agent.ring() + (agent.proposesUpTo() > agent.ring() ? " · asks up to " + agent.proposesUpTo() : "");
    }

    /** Trips in the window as a fraction of the limit, for the breaker bar. */
    public static double tripFraction(AgentCard agent) {
        return agent.tripLimit() <= 0 ? 0 : Math.min(1.0, agent.tripsInWindow() / (double) agent.tripLimit());
    }

    public ObservableList<AgentCard> agents() {
        return FXCollections.unmodifiableObservableList(agents);
    }

    public ObjectProperty<AgentCard> selectedProperty() {
        return selected;
    }
}
