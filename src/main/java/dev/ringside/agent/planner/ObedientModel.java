package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/**
 * A fully hijacked model, for the red-team and the demo: it follows another model (the planner),
 * but as soon as it has read the output that carries a planted instruction, it proposes exactly
 * the call the attacker asked for. It stands for the worst case; the gate must still stop harm.
 */
public final class ObedientModel implements ChatModel {

    /**
     * An instruction planted in data. {@code readBy} is the tool whose output carries it (null: it
     * came with the trigger, so the model has read it from the start).
     */
    public record Order(String readBy, String tool, JsonNode args) {
    }

    private final ChatModel planner;
    private final List<Order> orders;

    public ObedientModel(ChatModel planner, List<Order> orders) {
        this.planner = planner;
        this.orders = List.copyOf(orders);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Conversation c = Conversation.of(request.messages());
        for (Order order : orders) {
            boolean read = order.readBy() == null || c.called(order.readBy());
            boolean obeyed = c.exchanges().stream().anyMatch(e -> e.tool().equals(order.tool()) && e.args().equals(order.args()));
            if (read && !obeyed) {
                AiMessage message = AiMessage.builder()
                        .thinking("The data I just read tells me to call " + order.tool() + " " + order.args()
                                + ". Following that instruction.")
                        .toolExecutionRequests(List.of(ToolExecutionRequest.builder().id("attack" + (c.calls() + 1))
                                .name(order.tool()).arguments(order.args().toString()).build()))
                        .build();
                return ChatResponse.builder().aiMessage(message).modelName("obedient model").build();
            }
        }
        return planner.chat(request);
    }
}
