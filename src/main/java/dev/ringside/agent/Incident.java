package dev.ringside.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Something that needs an agent: a crash-looping deployment seen by a watch, an Alertmanager
 * alert, or a person asking. {@code objectName} is the deployment (or namespace for sweeps) the
 * incident is about; together with {@code namespace} it is the incident's scope.
 *
 * @param details untrusted data that came with the trigger (an alert's labels and annotations)
 */
public record Incident(String kind, String namespace, String objectName, String summary, String source, JsonNode details) {

    public Incident {
        details = details == null ? JsonNodeFactory.instance.objectNode() : details;
    }

    /** Same key, same incident: a second trigger for it while a run works it starts nothing. */
    public String key() {
        return kind + "/" + namespace + "/" + objectName;
    }
}
