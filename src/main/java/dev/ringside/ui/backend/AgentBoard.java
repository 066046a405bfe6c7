package dev.ringside.ui.backend;

import java.util.List;

/** The agents with their ring, breaker and current run. */
public interface AgentBoard {

    List<AgentCard> agents();
}
