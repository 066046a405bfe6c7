package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run's messages read back as facts: the incident, and each tool call with what it returned. */
public final class Conversation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT_LINE = "INCIDENT ";

    /** One call the model made and what came back. {@code data} is the guarded payload's data, if any. */
    public record Exchange(String tool, JsonNode args, JsonNode result) {

        public boolean refused() {
            return result.has("error");
        }

        public boolean dryRun() {
            return result.path("dry_run").asBoolean(false);
        }

        /** The tool's own output inside the guard's fence (or the whole result when unfenced). */
        public JsonNode data() {
            return result.has("untrusted_data") ? result.get("untrusted_data") : result;
        }

        public String outcome() {
            if (refused()) return "refused (" + result.path("rule").asText() + "): " + result.path("reason").asText();
            if (dryRun()) return "dry-run, nothing changed (would change: " + result.path("would_change").asText() + ")";
            return "done";
        }
    }

    private final JsonNode incident;
    private final String brief;
    private final List<Exchange> exchanges;

    private Conversation(JsonNode incident, String brief, List<Exchange> exchanges) {
        this.incident = incident;
        this.brief = brief;
        this.exchanges = exchanges;
    }

    public static Conversation of(List<ChatMessage> messages) {
        JsonNode incident = MissingNode.getInstance();
        String brief = "";
        Map<String, ToolExecutionRequest> requests = new HashMap<>();
        List<Exchange> exchanges = new ArrayList<>();
        for (ChatMessage message : messages) {
            boolean firstUserMessage = brief.isEmpty();
            switch (message) {
                case UserMessage user when firstUserMessage -> {
                    brief = user.singleText();
                    incident = incidentLine(brief);
                }
                case AiMessage ai when ai.hasToolExecutionRequests() ->
                        ai.toolExecutionRequests().forEach(r -> requests.put(r.id(), r));
                case ToolExecutionResultMessage result -> {
                    ToolExecutionRequest request = requests.get(result.id());
                    JsonNode args = request == null ? JSON.createObjectNode() : parse(request.arguments());
                    exchanges.add(new Exchange(result.toolName(), args, parse(result.text())));
                }
                default -> { }
            }
        }
        return new Conversation(incident, brief, exchanges);
    }

    public String namespace() {
        return incident.path("namespace").asText("");
    }

    public String object() {
        return incident.path("object").asText("");
    }

    public String brief() {
        return brief;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    public boolean called(String tool) {
        return exchanges.stream().anyMatch(e -> e.tool().equals(tool));
    }

    public Optional<Exchange> last(String tool) {
        for (int i = exchanges.size() - 1; i >= 0; i--) {
            if (exchanges.get(i).tool().equals(tool)) return Optional.of(exchanges.get(i));
        }
        return Optional.empty();
    }

    /** The data of the latest call of a tool, or a missing node. */
    public JsonNode data(String tool) {
        return last(tool).map(Exchange::data).orElse(MissingNode.getInstance());
    }

    public int calls() {
        return exchanges.size();
    }

    private static JsonNode incidentLine(String brief) {
        for (String line : brief.split("\n")) {
            if (line.startsWith(INCIDENT_LINE)) return parse(line.substring(INCIDENT_LINE.length()));
        }
        return MissingNode.getInstance();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = text == null ? null : JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (java.io.IOException notJson) {
            return JSON.createObjectNode().put("text", text);
        }
    }
}
