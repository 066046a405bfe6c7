package dev.ringside.agent.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.Runbook;
import dev.ringside.agent.planner.OfflinePlanner;
import java.util.function.Function;

/** Builds the configured model for each run; the offline planner is per runbook. */
public final class Models implements AgentRuntime.ModelChoice {
    private final ModelSettings settings;
    private final Function<String, String> environment;
    private volatile ChatModel shared;

    public Models(ModelSettings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public static Models fromEnvironment(ModelSettings settings) {
        return new Models(settings, System::getenv);
    }

    /** What the status bar and the journal call this model. */
    public String label() {
        return switch (settings.provider()) {
            case "offline" -> OfflinePlanner.LABEL;
            case "openai" -> "OpenAI-compatible " + settings.model() + " at " + settings.baseUrl();
            default -> settings.provider() + " " + settings.model();
        };
    }

    @Override
    public AgentRuntime.LabelledModel modelFor(Runbook runbook, Incident incident) {
        if (settings.provider().equals("offline")) {
            return new AgentRuntime.LabelledModel(OfflinePlanner.forRunbook(runbook.planner(), runbook.requiredLabels()), label());
        }
        if (shared == null) shared = build();
        return new AgentRuntime.LabelledModel(shared, label());
    }

    private ChatModel build() {
        String key = settings.apiKeyEnv() == null ? null : environment.apply(settings.apiKeyEnv());
        return switch (settings.provider()) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(settings.baseUrl()).modelName(settings.model())
                    .apiKey(key == null ? "not-needed" : key).timeout(settings.timeout()).build();
            case "anthropic" -> {
                if (key == null) {
                    throw new IllegalStateException("the Anthropic provider needs an API key in the environment variable "
                            + (settings.apiKeyEnv() == null ? "(set model.api_key_env)" : settings.apiKeyEnv()));
                }
                var builder = AnthropicChatModel.builder().apiKey(key).modelName(settings.model()).timeout(settings.timeout());
                if (settings.baseUrl() != null) builder.baseUrl(settings.baseUrl());
                yield builder.build();
            }
            case "ollama" -> OllamaChatModel.builder().baseUrl(settings.baseUrl()).modelName(settings.model())
                    .timeout(settings.timeout()).build();
            default -> throw new IllegalStateException("unreachable provider " + settings.provider());
        };
    }
}
