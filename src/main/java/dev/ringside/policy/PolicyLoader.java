package dev.ringside.policy;

import dev.ringside.policy.command.CommandRule;
import dev.ringside.policy.command.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy file and validates all of it. Either a complete, consistent {@link Policy} comes
 * back, or a {@link PolicyException} listing every problem with file, line and column: there is no
 * partially loaded policy.
 */
public final class PolicyLoader {
    /** The policy that ships inside the app, covering DESIGN.md's tool catalogue and agents. */
    public static final String DEFAULT_RESOURCE = "/policy/default-policy.yaml";

    private static final Set<String> TOP = Set.of("version", "agents", "actions", "never_allow", "require_human",
            "approvals", "breaker", "runbooks");
    private static final Set<String> AGENT_KEYS = Set.of("id", "ring", "proposes_up_to", "namespaces", "runbooks");
    private static final Set<String> ACTION_KEYS = Set.of("ring", "destructive", "reversible", "schema");
    private static final Set<String> NEVER_KEYS = Set.of("name", "tool", "args", "command", "sql");
    private static final Set<String> HUMAN_KEYS = Set.of("name", "tools", "ring", "destructive", "namespaces");
    private static final Set<String> APPROVAL_KEYS = Set.of("ttl", "on_expiry", "two_person");
    private static final Set<String> BREAKER_KEYS = Set.of("window", "max_destructive", "max_failures", "cool_down",
            "half_open_probes");
    private static final Set<String> RUNBOOK_KEYS = Set.of("mode", "live_from");

    private PolicyLoader() {
    }

    public static Policy load(Path file) throws PolicyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(List.of(new LocatedProblem(file.toString(), 0, 0,
                    "cannot read the policy file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check the path and permissions")));
        }
        return parse(file.toString(), bytes);
    }

    public static Policy loadDefault() throws PolicyException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PolicyException(List.of(new LocatedProblem(DEFAULT_RESOURCE, 0, 0,
                        "the built-in policy is missing from the application; reinstall Ringside")));
            }
            return parse("default-policy.yaml (built in)", in.readAllBytes());
        } catch (IOException e) {
            throw new PolicyException(List.of(new LocatedProblem(DEFAULT_RESOURCE, 0, 0, e.getMessage())));
        }
    }

    public static Policy parse(String name, byte[] bytes) throws PolicyException {
        YamlNode.Problems problems = new YamlNode.Problems(name);
        Optional<YamlNode> root = YamlNode.parse(name, new String(bytes, StandardCharsets.UTF_8), problems);
        if (root.isEmpty()) throw new PolicyException(problems.list());
        Policy policy = new Reader(problems, new PolicySource(name, sha256(bytes))).read(root.get());
        if (!problems.isEmpty()) throw new PolicyException(problems.list());
        return policy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** One pass over one file; collects problems instead of stopping at the first. */
    private record Reader(YamlNode.Problems problems, PolicySource source) {

        Policy read(YamlNode root) {
            Map<String, YamlNode> top = root.entries(TOP);
            YamlNode version = top.get("version");
            if (version != null) {
                version.integer().filter(v -> v != 1).ifPresent(v -> version.problem("unsupported version " + v + "; this Ringside reads version 1"));
            }
            for (String required : List.of("agents", "actions")) {
                if (!top.containsKey(required)) root.problem("missing '" + required + "' section");
            }
            Map<String, ActionSpec> actions = top.containsKey("actions") ? actions(top.get("actions")) : Map.of();
            Set<String> declaredRunbooks = new HashSet<>();
            Map<String, RunbookMode> runbooks = top.containsKey("runbooks") ? runbooks(top.get("runbooks"), declaredRunbooks) : Map.of();
            Map<String, AgentPolicy> agents = top.containsKey("agents") ? agents(top.get("agents"), declaredRunbooks) : Map.of();
            NeverAllowList neverAllow = top.containsKey("never_allow") ? neverAllow(top.get("never_allow"))
                    : new NeverAllowList(List.of(), List.of());
            List<HumanRule> human = top.containsKey("require_human") ? humanRules(top.get("require_human"), actions) : List.of();
            ApprovalSettings approvals = top.containsKey("approvals") ? approvals(top.get("approvals"), actions)
                    : new ApprovalSettings(Duration.ofMinutes(15), Set.of());
            BreakerSettings breaker = top.containsKey("breaker") ? breaker(top.get("breaker"))
                    : new BreakerSettings(Duration.ofMinutes(10), 5, 3, Duration.ofMinutes(5), 1);
            return new Policy(source, agents, actions, neverAllow, human, approvals, breaker, runbooks);
        }

        Map<String, AgentPolicy> agents(YamlNode node, Set<String> declaredRunbooks) {
            Map<String, AgentPolicy> out = new LinkedHashMap<>();
            for (YamlNode item : node.items()) {
                Map<String, YamlNode> e = item.entries(AGENT_KEYS);
                String id = required(item, e, "id").flatMap(YamlNode::nonBlankText).orElse(null);
                int ring = required(item, e, "ring").map(this::ring).orElse(-1);
                int proposes = e.containsKey("proposes_up_to") ? ring(e.get("proposes_up_to")) : ring;
                if (ring >= 0 && proposes >= 0 && proposes < ring) {
                    e.get("proposes_up_to").problem("must be at least the agent's ring (" + ring + ")");
                }
                Set<String> namespaces = e.containsKey("namespaces") ? new LinkedHashSet<>(e.get("namespaces").texts()) : Set.of("*");
                List<String> agentRunbooks = e.containsKey("runbooks") ? e.get("runbooks").texts() : List.of();
                if (e.containsKey("runbooks")) {
                    for (String runbook : agentRunbooks) {
                        if (!declaredRunbooks.contains(runbook)) {
                            e.get("runbooks").problem("runbook '" + runbook + "' is not declared under 'runbooks'");
                        }
                    }
                }
                if (id == null || ring < 0 || proposes < 0) continue;
                if (out.containsKey(id)) {
                    item.problem("agent '" + id + "' is declared twice");
                    continue;
                }
                out.put(id, new AgentPolicy(id, ring, proposes, namespaces, agentRunbooks));
            }
            return out;
        }

        Map<String, ActionSpec> actions(YamlNode node) {
            Map<String, ActionSpec> out = new LinkedHashMap<>();
            node.entries().forEach((tool, spec) -> {
                Map<String, YamlNode> e = spec.entries(ACTION_KEYS);
                int ring = required(spec, e, "ring").map(this::ring).orElse(-1);
                boolean destructive = e.containsKey("destructive") && e.get("destructive").bool().orElse(true);
                boolean reversible = !e.containsKey("reversible") || e.get("reversible").bool().orElse(false);
                ArgumentSchema schema = e.containsKey("schema") ? ArgumentSchema.compile(e.get("schema")) : ArgumentSchema.ANY;
                if (!e.containsKey("schema") && ring > 0) {
                    spec.problem("a write action needs a 'schema' for its arguments");
                }
                if (ring >= 0) out.put(tool, new ActionSpec(tool, ring, destructive, reversible, schema));
            });
            return out;
        }

        NeverAllowList neverAllow(YamlNode node) {
            List<ToolRule> toolRules = new ArrayList<>();
            List<CommandRule> commandRules = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (YamlNode item : node.items()) {
                Map<String, YamlNode> e = item.entries(NEVER_KEYS);
                String name = required(item, e, "name").flatMap(YamlNode::nonBlankText).orElse(null);
                if (name != null && !names.add(name)) e.get("name").problem("rule name '" + name + "' is used twice");
                long kinds = java.util.stream.Stream.of("tool", "command", "sql").filter(e::containsKey).count();
                if (kinds != 1) {
                    item.problem("give exactly one of 'tool', 'command' or 'sql'");
                    continue;
                }
                if (e.containsKey("args") && !e.containsKey("tool")) e.get("args").problem("'args' only goes with 'tool'");
                if (name == null) continue;
                if (e.containsKey("tool")) {
                    Map<String, String> args = new LinkedHashMap<>();
                    if (e.containsKey("args")) e.get("args").entries().forEach((k, v) -> v.text().ifPresent(t -> args.put(k, t)));
                    e.get("tool").nonBlankText().ifPresent(tool -> toolRules.add(new ToolRule(name, tool, args)));
                } else {
                    boolean sql = e.containsKey("sql");
                    YamlNode patternNode = e.get(sql ? "sql" : "command");
                    patternNode.nonBlankText().ifPresent(pattern -> {
                        try {
                            // the rule checks its pattern as it is built
                            commandRules.add(new CommandRule(name, sql ? Dialect.SQL : Dialect.SHELL, pattern));
                        } catch (IllegalArgumentException bad) {
                            patternNode.problem(bad.getMessage());
                        }
                    });
                }
            }
            return new NeverAllowList(toolRules, commandRules);
        }

        List<HumanRule> humanRules(YamlNode node, Map<String, ActionSpec> actions) {
            List<HumanRule> out = new ArrayList<>();
            for (YamlNode item : node.items()) {
                Map<String, YamlNode> e = item.entries(HUMAN_KEYS);
                String name = required(item, e, "name").flatMap(YamlNode::nonBlankText).orElse(null);
                Set<String> tools = e.containsKey("tools") ? Set.copyOf(e.get("tools").texts()) : Set.of();
                for (String tool : tools) {
                    if (!actions.isEmpty() && !actions.containsKey(tool)) e.get("tools").problem("unknown tool '" + tool + "'");
                }
                Integer ring = e.containsKey("ring") ? ring(e.get("ring")) : null;
                Boolean destructive = e.containsKey("destructive") ? e.get("destructive").bool().orElse(null) : null;
                Set<String> namespaces = e.containsKey("namespaces") ? Set.copyOf(e.get("namespaces").texts()) : Set.of();
                if (tools.isEmpty() && ring == null && destructive == null && namespaces.isEmpty()) {
                    item.problem("names no condition; add tools, ring, destructive or namespaces");
                }
                if (name != null) out.add(new HumanRule(name, tools, ring, destructive, namespaces));
            }
            return out;
        }

        ApprovalSettings approvals(YamlNode node, Map<String, ActionSpec> actions) {
            Map<String, YamlNode> e = node.entries(APPROVAL_KEYS);
            Duration ttl = e.containsKey("ttl") ? duration(e.get("ttl")) : Duration.ofMinutes(15);
            if (e.containsKey("on_expiry")) {
                e.get("on_expiry").text().filter(v -> !v.equals("deny"))
                        .ifPresent(v -> e.get("on_expiry").problem("an expired approval can only mean 'deny', got '" + v + "'"));
            }
            Set<String> twoPerson = e.containsKey("two_person") ? Set.copyOf(e.get("two_person").texts()) : Set.of();
            for (String tool : twoPerson) {
                if (!actions.containsKey(tool)) e.get("two_person").problem("unknown tool '" + tool + "'");
            }
            return new ApprovalSettings(ttl == null ? Duration.ofMinutes(15) : ttl, twoPerson);
        }

        BreakerSettings breaker(YamlNode node) {
            Map<String, YamlNode> e = node.entries(BREAKER_KEYS);
            Duration window = e.containsKey("window") ? duration(e.get("window")) : Duration.ofMinutes(10);
            int maxDestructive = e.containsKey("max_destructive") ? positive(e.get("max_destructive")) : 5;
            int maxFailures = e.containsKey("max_failures") ? positive(e.get("max_failures")) : 3;
            Duration coolDown = e.containsKey("cool_down") ? duration(e.get("cool_down")) : Duration.ofMinutes(5);
            int probes = e.containsKey("half_open_probes") ? positive(e.get("half_open_probes")) : 1;
            return new BreakerSettings(window == null ? Duration.ofMinutes(10) : window, maxDestructive, maxFailures,
                    coolDown == null ? Duration.ofMinutes(5) : coolDown, probes);
        }

        Map<String, RunbookMode> runbooks(YamlNode node, Set<String> declared) {
            Map<String, RunbookMode> out = new LinkedHashMap<>();
            node.entries().forEach((name, spec) -> {
                declared.add(name);
                Map<String, YamlNode> e = spec.entries(RUNBOOK_KEYS);
                RunbookMode.Mode mode = required(spec, e, "mode").flatMap(YamlNode::text).map(m -> switch (m) {
                    case "dry-run" -> RunbookMode.Mode.DRY_RUN;
                    case "live" -> RunbookMode.Mode.LIVE;
                    default -> {
                        e.get("mode").problem("mode must be 'dry-run' or 'live', got '" + m + "'");
                        yield null;
                    }
                }).orElse(null);
                LocalDate liveFrom = null;
                if (e.containsKey("live_from")) {
                    YamlNode dateNode = e.get("live_from");
                    String text = dateNode.text().orElse("");
                    try {
                        liveFrom = LocalDate.parse(text);
                    } catch (DateTimeParseException bad) {
                        dateNode.problem("expected a date like 2027-01-31, got '" + text + "'");
                    }
                }
                if (mode != null) out.put(name, new RunbookMode(name, mode, liveFrom));
            });
            return out;
        }

        private Optional<YamlNode> required(YamlNode parent, Map<String, YamlNode> entries, String key) {
            YamlNode node = entries.get(key);
            if (node == null) parent.problem("missing '" + key + "'");
            return Optional.ofNullable(node);
        }

        private int ring(YamlNode node) {
            Optional<String> text = node.scalar().filter(t -> t.matches("[0-2]"));
            if (text.isEmpty()) {
                node.problem("ring must be 0 (read-only), 1 (low-risk writes) or 2 (high-risk writes), got " + node.describe());
                return -1;
            }
            return Integer.parseInt(text.get());
        }

        private int positive(YamlNode node) {
            long n = node.integer().orElse(1L);
            if (n < 1) node.problem("must be 1 or more");
            return (int) Math.max(1, n);
        }

        private Duration duration(YamlNode node) {
            String text = node.text().orElse("");
            Duration d = HumanDuration.parse(text).orElse(null);
            if (d == null || d.isNegative() || d.isZero()) {
                node.problem("expected a positive duration like 90s, 15m, 2h or 7d, got '" + text + "'");
                return null;
            }
            return d;
        }
    }
}
