package dev.ringside.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ringside.gate.TraceSink;
import dev.ringside.journal.TraceEvent.ModelRequest;
import dev.ringside.journal.TraceEvent.ModelResponse;
import java.util.List;

/** Journals every model turn (what was asked, the reasoning, the answer) and stops the loop on a kill. */
final class RecordingChatModel implements ChatModel {
    private static final int MAX_PROMPT_CHARS = 4_000;

    private final ChatModel model;
    private final String modelLabel;
    private final String agent;
    private final RunState run;
    private final TraceSink trace;
    private final Runnable stopIfKilled;

    RecordingChatModel(ChatModel model, String modelLabel, String agent, RunState run, TraceSink trace, Runnable stopIfKilled) {
        this.model = model;
        this.modelLabel = modelLabel;
        this.agent = agent;
        this.run = run;
        this.trace = trace;
        this.stopIfKilled = stopIfKilled;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        stopIfKilled.run();
        trace.record(run.runId(), agent, new ModelRequest(modelLabel, latest(request.messages())));
        ChatResponse response = model.chat(request);
        stopIfKilled.run();
        AiMessage answer = response.aiMessage();
        String reasoning = answer.thinking() != null ? answer.thinking() : answer.text() == null ? "" : answer.text();
        String content = answer.hasToolExecutionRequests()
                ? answer.toolExecutionRequests().stream().map(r -> r.name() + " " + r.arguments()).toList().toString()
                : answer.text();
        run.reasoning(reasoning);
        trace.record(run.runId(), agent, new ModelResponse(modelLabel, reasoning, content == null ? "" : content));
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }

    /** The newest message, which is what changed since the last turn, bounded for the journal. */
    private static String latest(List<ChatMessage> messages) {
        if (messages.isEmpty()) return "";
        String text = switch (messages.getLast()) {
            case UserMessage u -> "user: " + u.singleText();
            case ToolExecutionResultMessage t -> "tool result " + t.toolName() + ": " + t.text();
            case SystemMessage s -> "system: " + s.text();
            case AiMessage a -> "assistant: " + a.text();
            default -> messages.getLast().toString();
        };
        return text.length() <= MAX_PROMPT_CHARS ? text : text.substring(0, MAX_PROMPT_CHARS) + "…[truncated]";
    }
}
