package dev.ringside.cli;

import dev.ringside.agent.model.ModelSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which model agents use; default the offline planner (no LLM). */
final class ModelOptions {

    @Option(names = "--model-provider", paramLabel = "offline|openai|anthropic|ollama",
            description = "Model provider (default: the configuration's, else the offline planner, no LLM). "
                    + "'openai' is any OpenAI-compatible server.")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name, e.g. qwen2.5:14b.")
    String model;

    @Option(names = "--model-base-url", paramLabel = "URL", description = "Base URL, e.g. http://localhost:11434/v1.")
    String baseUrl;

    @Option(names = "--model-api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key.")
    String apiKeyEnv;

    /** The options given on the command line, or {@code configured} when none was. */
    ModelSettings settings(ModelSettings configured) {
        if (provider == null && model == null && baseUrl == null && apiKeyEnv == null) return configured;
        if (provider == null) provider = "offline";
        try {
            return new ModelSettings(provider, baseUrl, model, apiKeyEnv, Duration.ofSeconds(120));
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad.getMessage());
        }
    }
}
