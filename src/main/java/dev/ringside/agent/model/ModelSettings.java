package dev.ringside.agent.model;

import java.time.Duration;
import java.util.Set;

/**
 * Which model agents use. {@code offline} (the default) needs nothing; {@code openai} covers every
 * OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama's /v1) through {@code baseUrl};
 * {@code anthropic} and {@code ollama} use their own APIs. Keys come from the environment variable
 * named by {@code apiKeyEnv}, never from a file Ringside writes.
 */
public record ModelSettings(String provider, String baseUrl, String model, String apiKeyEnv, Duration timeout) {
    public static final Set<String> PROVIDERS = Set.of("offline", "openai", "anthropic", "ollama");
    public static final ModelSettings OFFLINE = new ModelSettings("offline", null, null, null, Duration.ofSeconds(60));

    public ModelSettings {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("model provider '" + provider + "' is not known; use one of "
                    + PROVIDERS.stream().sorted().toList());
        }
        if (!provider.equals("offline") && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("model provider '" + provider + "' needs a model name");
        }
        if ((provider.equals("openai") || provider.equals("ollama")) && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalArgumentException("model provider '" + provider + "' needs a base URL");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }
}
