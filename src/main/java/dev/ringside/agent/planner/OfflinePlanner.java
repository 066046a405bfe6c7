package dev.ringside.agent.planner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Map;

/**
 * The default model: no LLM at all. A deterministic {@link ChatModel} that follows the runbook's
 * steps, reads the (guarded) tool results, and writes its reasoning, always labelled as coming
 * from the offline planner so nobody mistakes it for a model's judgement.
 */
public final class OfflinePlanner implements ChatModel {
    public static final String LABEL = "offline planner — no LLM";
    private static final String PREFIX = "[offline planner, no LLM] ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, java.util.function.Function<Map<String, String>, Plan>> PLANS = Map.of(
            "crashloop", labels -> new CrashLoopPlan(),
            "oom", labels -> new OomPlan(),
            "compliance", CompliancePlan::new);

    private final Plan plan;

    public OfflinePlanner(Plan plan) {
        this.plan = plan;
    }

    /** The planner for a runbook's {@code planner} id; unknown ids are a configuration error. */
    public static OfflinePlanner forRunbook(String planner, Map<String, String> requiredLabels) {
        var factory = PLANS.get(planner);
        if (factory == null) {
            throw new IllegalArgumentException("no offline planner named '" + planner + "'; known: " + PLANS.keySet());
        }
        return new OfflinePlanner(factory.apply(requiredLabels));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Conversation conversation = Conversation.of(request.messages());
        Move move = plan.next(conversation);
        AiMessage message = switch (move) {
            case Move.Call call -> AiMessage.builder().thinking(PREFIX + call.reasoning())
                    .toolExecutionRequests(List.of(ToolExecutionRequest.builder()
                            .id("tc" + (conversation.calls() + 1)).name(call.tool()).arguments(call.args().toString()).build()))
                    .build();
            case Move.Finish finish -> AiMessage.builder().thinking(PREFIX + finish.reasoning()).text(finish.summary()).build();
        };
        return ChatResponse.builder().aiMessage(message).modelName(LABEL).build();
    }

    static com.fasterxml.jackson.databind.node.ObjectNode args() {
        return JSON.createObjectNode();
    }
}
