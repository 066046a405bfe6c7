package dev.ringside.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows where it came from (file, line, column, path) so that every validation
 * error can point at the exact spot. Problems are collected, not thrown, so one load reports all.
 */
public final class YamlNode {
    private final Node node;
    private final String path;
    private final Problems problems;

    /**
     * Parses a whole file; syntax errors and an empty file become located problems and an empty
     * result, so callers report everything the same way.
     */
    public static Optional<YamlNode> parse(String file, String text, Problems problems) {
        try {
            org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(50);
            Node root = new org.yaml.snakeyaml.Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                problems.add(new LocatedProblem(file, 0, 0, "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new YamlNode(root, "", problems));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(new LocatedProblem(file, mark.getLine() + 1, mark.getColumn() + 1, "not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            problems.add(new LocatedProblem(file, 0, 0, "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    YamlNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public void problem(String message) {
        problems.add(node, located(message));
    }

    private String located(String message) {
        return path.isEmpty() ? message : path + ": " + message;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** Entries of a mapping in file order; reports duplicate and non-string keys. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping (key: value lines), got " + describe());
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), located("keys must be plain names"));
                continue;
            }
            String name = key.getValue();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (out.containsKey(name)) {
                problems.add(key, childPath + ": duplicate key; keep one");
                continue;
            }
            out.put(name, new YamlNode(tuple.getValueNode(), childPath, problems));
        }
        return out;
    }

    /** Entries of a mapping, reporting any key not in {@code allowed} (typos fail closed). */
    public Map<String, YamlNode> entries(Set<String> allowed) {
        Map<String, YamlNode> out = entries();
        out.forEach((key, value) -> {
            if (!allowed.contains(key)) {
                value.problemAtKey("unknown key '" + key + "'; expected one of " + String.join(", ", sorted(allowed)));
            }
        });
        return out;
    }

    private void problemAtKey(String message) {
        problems.add(node, located(message));
    }

    public List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (!(node instanceof SequenceNode seq)) {
            problem("expected a list ('- item' lines or [a, b]), got " + describe());
            return out;
        }
        int i = 0;
        for (Node child : seq.getValue()) {
            out.add(new YamlNode(child, path + "[" + i++ + "]", problems));
        }
        return out;
    }

    /** The scalar's text without reporting anything, for callers that word their own problem. */
    public Optional<String> scalar() {
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? Optional.of(s.getValue()) : Optional.empty();
    }

    public Optional<String> text() {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return Optional.of(s.getValue());
        problem("expected a value, got " + describe());
        return Optional.empty();
    }

    public Optional<String> nonBlankText() {
        return text().filter(t -> {
            if (!t.isBlank()) return true;
            problem("must not be empty");
            return false;
        });
    }

    public Optional<Long> integer() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Optional.of(Long.parseLong(s.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                problem("integer out of range: " + s.getValue());
                return Optional.empty();
            }
        }
        problem("expected a whole number, got " + describe());
        return Optional.empty();
    }

    public Optional<Double> number() {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            return Optional.of(Double.parseDouble(s.getValue().replace("_", "")));
        }
        problem("expected a number, got " + describe());
        return Optional.empty();
    }

    public Optional<Boolean> bool() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        problem("expected true or false, got " + describe());
        return Optional.empty();
    }

    /** A string or a list of strings, as a list. */
    public List<String> texts() {
        if (isScalar() && !isNull()) return text().map(List::of).orElse(List.of());
        List<String> out = new ArrayList<>();
        for (YamlNode item : items()) item.nonBlankText().ifPresent(out::add);
        return out;
    }

    public String describe() {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when s.getTag().equals(Tag.NULL) -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "an unsupported YAML node";
        };
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    /** Collector of located problems for one file. */
    public static final class Problems {
        private final String file;
        private final List<LocatedProblem> list = new ArrayList<>();

        public Problems(String file) {
            this.file = file;
        }

        void add(Node node, String message) {
            var mark = node.getStartMark();
            list.add(new LocatedProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }

        void addUnlocated(String message) {
            list.add(new LocatedProblem(file, 0, 0, message));
        }

        public void add(LocatedProblem problem) {
            list.add(problem);
        }

        public List<LocatedProblem> list() {
            return list;
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }
    }
}
