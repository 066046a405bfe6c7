package dev.ringside.app.config;

import dev.ringside.agent.model.ModelSettings;
import dev.ringside.policy.HumanDuration;
import dev.ringside.policy.LocatedProblem;
import dev.ringside.policy.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code ringside.yaml}. A wrong setting is an error at start naming the file, line, column,
 * the key and what it accepts; nothing is half-applied. A missing file means the defaults.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("cluster", "slack", "model", "policy", "runbooks", "journal");
    private static final Set<String> CLUSTER = Set.of("sandbox", "context", "namespaces", "agent_namespace", "agent_selector");
    /** A Kubernetes namespace name (an RFC 1123 label). */
    private static final String NAMESPACE = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    private static final Set<String> SLACK = Set.of("channel", "api_url", "token_file", "approvers");
    private static final Set<String> MODEL = Set.of("provider", "base_url", "name", "api_key_env", "timeout");
    private static final Set<String> JOURNAL = Set.of("path", "checkpoints", "retention");

    private ConfigLoader() {
    }

    /** The configuration in {@code file}, or the defaults when it does not exist. */
    public static RingsideConfig load(Path file, Path home, Path dataDirectory) throws ConfigException {
        if (!Files.exists(file)) return RingsideConfig.defaults(dataDirectory);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new LocatedProblem(file.toString(), 0, 0, "cannot read the configuration: " + e.getMessage())));
        }
        return parse(file, text, home, dataDirectory);
    }

    public static RingsideConfig parse(Path file, String text, Path home, Path dataDirectory) throws ConfigException {
        YamlNode.Problems problems = new YamlNode.Problems(file.toString());
        Optional<YamlNode> root = YamlNode.parse(file.toString(), text, problems);
        RingsideConfig defaults = RingsideConfig.defaults(dataDirectory);
        if (root.isEmpty()) throw new ConfigException(problems.list());
        Map<String, YamlNode> top = root.get().entries(TOP);

        Map<String, YamlNode> cluster = section(top, "cluster", CLUSTER);
        boolean sandbox = cluster.containsKey("sandbox") ? cluster.get("sandbox").bool().orElse(true) : defaults.sandbox();
        String context = text(cluster, "context");
        List<String> namespaces = cluster.containsKey("namespaces") ? namespaces(cluster.get("namespaces")) : List.of();
        String agentNamespace = Optional.ofNullable(text(cluster, "agent_namespace")).orElse(defaults.agentNamespace());
        if (!agentNamespace.matches(NAMESPACE)) {
            cluster.get("agent_namespace").problem("expected a namespace name (lowercase letters, digits and '-', at most 63), got '"
                    + agentNamespace + "'");
        }
        String selector = Optional.ofNullable(text(cluster, "agent_selector")).orElse(defaults.agentSelector());
        if (cluster.containsKey("agent_selector") && !selector.matches("[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?(,[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?)*")) {
            cluster.get("agent_selector").problem("expected a label selector like ringside.dev/agent=true");
        }

        Map<String, YamlNode> slack = section(top, "slack", SLACK);
        String apiUrl = text(slack, "api_url");
        if (apiUrl != null && !apiUrl.matches("https?://.+")) slack.get("api_url").problem("expected an http(s) URL, got '" + apiUrl + "'");
        Path tokenFile = Optional.ofNullable(text(slack, "token_file")).map(p -> ConfigLocations.expand(p, home)).orElse(null);
        Map<String, String> approvers = new LinkedHashMap<>();
        if (slack.containsKey("approvers")) {
            slack.get("approvers").entries().forEach((user, identity) -> {
                if (!user.matches("[UW][A-Z0-9]+")) identity.problem("Slack user ids look like U024BE7LH, got '" + user + "'");
                identity.nonBlankText().ifPresent(id -> approvers.put(user, id));
            });
        }

        ModelSettings model = model(section(top, "model", MODEL), defaults.model());

        Path policy = existing(top, "policy", home, Files::isRegularFile, "a policy file");
        Path runbooks = existing(top, "runbooks", home, Files::isDirectory, "a directory of runbook YAML files");

        Map<String, YamlNode> journal = section(top, "journal", JOURNAL);
        Path journalPath = Optional.ofNullable(text(journal, "path")).map(p -> ConfigLocations.expand(p, home)).orElse(defaults.journal());
        Path checkpoints = Optional.ofNullable(text(journal, "checkpoints")).map(p -> ConfigLocations.expand(p, home)).orElse(null);
        Duration retention = defaults.retention();
        if (journal.containsKey("retention")) {
            YamlNode node = journal.get("retention");
            String value = node.text().orElse("");
            Optional<Duration> parsed = HumanDuration.parse(value);
            if (parsed.isEmpty() || parsed.get().compareTo(Duration.ofDays(90)) < 0) {
                node.problem("expected a duration of at least 90d (trace events are kept 90 days or more), got '" + value + "'");
            } else {
                retention = parsed.get();
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems.list());
        return new RingsideConfig(file, sandbox, context, namespaces, agentNamespace, selector, text(slack, "channel"), apiUrl, tokenFile,
                approvers, model, policy, runbooks, journalPath, checkpoints, retention);
    }

    private static ModelSettings model(Map<String, YamlNode> model, ModelSettings fallback) {
        if (model.isEmpty()) return fallback;
        String provider = Optional.ofNullable(text(model, "provider")).orElse("offline");
        if (!ModelSettings.PROVIDERS.contains(provider)) {
            model.get("provider").problem("unknown provider '" + provider + "'; accepted: "
                    + ModelSettings.PROVIDERS.stream().sorted().toList());
            return fallback;
        }
        Duration timeout = Duration.ofSeconds(60);
        if (model.containsKey("timeout")) {
            Optional<Duration> parsed = model.get("timeout").text().flatMap(HumanDuration::parse);
            if (parsed.isEmpty()) model.get("timeout").problem("expected a duration like 60s or 2m");
            else timeout = parsed.get();
        }
        try {
            return new ModelSettings(provider, text(model, "base_url"), text(model, "name"), text(model, "api_key_env"), timeout);
        } catch (IllegalArgumentException bad) {
            model.get("provider").problem(bad.getMessage() + " (set model.name and, for openai or ollama, model.base_url)");
            return fallback;
        }
    }

    private static List<String> namespaces(YamlNode node) {
        List<String> names = node.isNull() ? List.of() : node.texts();
        for (String name : names) {
            if (!name.matches(NAMESPACE)) {
                node.problem("expected namespace names (lowercase letters, digits and '-', at most 63), got '" + name + "'");
            }
        }
        return names;
    }

    /** A path that must already exist as {@code what}; a missing one is a located problem, not a surprise later. */
    private static Path existing(Map<String, YamlNode> top, String key, Path home, java.util.function.Predicate<Path> exists,
                                 String what) {
        YamlNode node = top.get(key);
        if (node == null || node.isNull()) return null;
        Optional<Path> path = node.nonBlankText().map(p -> ConfigLocations.expand(p, home));
        if (path.isPresent() && !exists.test(path.get())) {
            node.problem("expected " + what + ", but there is none at " + path.get());
        }
        return path.orElse(null);
    }

    private static Map<String, YamlNode> section(Map<String, YamlNode> top, String name, Set<String> keys) {
        YamlNode node = top.get(name);
        return node == null || node.isNull() ? Map.of() : node.entries(keys);
    }

    private static String text(Map<String, YamlNode> section, String key) {
        YamlNode node = section.get(key);
        return node == null || node.isNull() ? null : node.nonBlankText().orElse(null);
    }

    /** A configuration that cannot be used, with every problem located. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<LocatedProblem> problems;

        public ConfigException(List<LocatedProblem> problems) {
            super(String.join("\n", problems.stream().map(LocatedProblem::toString).toList()));
            this.problems = new ArrayList<>(problems);
        }

        public List<LocatedProblem> problems() {
            return problems;
        }
    }
}
