package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector, held as the API's {@link LabelSelector} so it can go into a
 * NetworkPolicy as is, and matched here so one listing serves several questions.
 */
record Selector(LabelSelector labelSelector) {
    private static final Pattern SET = Pattern.compile("^([^\\s!=(),]+)\\s+(in|notin)\\s*\\(([^()]*)\\)$");
    private static final Pattern KEY = Pattern.compile("^!?[A-Za-z0-9][-A-Za-z0-9_./]*$");

    /**
     * Parses the selector syntax of {@code kubectl -l}: {@code k=v}, {@code k==v}, {@code k!=v},
     * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, joined by commas.
     *
     * @throws IllegalArgumentException naming the part that is not a selector
     */
    static Selector parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the agent selector is empty; it must select "
                + "something, e.g. ringside.dev/agent=true");
        LabelSelectorBuilder selector = new LabelSelectorBuilder();
        for (String part : requirements(text)) {
            String req = part.strip();
            Matcher set = SET.matcher(req);
            if (set.matches()) {
                List<String> values = Arrays.stream(set.group(3).split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
                selector.addNewMatchExpression().withKey(set.group(1)).withOperator(set.group(2).equals("in") ? "In" : "NotIn")
                        .withValues(values).endMatchExpression();
            } else if (req.contains("!=")) {
                String[] kv = req.split("!=", 2);
                selector.addNewMatchExpression().withKey(key(kv[0], text)).withOperator("NotIn").withValues(kv[1].strip())
                        .endMatchExpression();
            } else if (req.contains("=")) {
                String[] kv = req.split("==?", 2);
                selector.addToMatchLabels(key(kv[0], text), kv[1].strip());
            } else if (KEY.matcher(req).matches()) {
                boolean absent = req.startsWith("!");
                selector.addNewMatchExpression().withKey(absent ? req.substring(1) : req)
                        .withOperator(absent ? "DoesNotExist" : "Exists").endMatchExpression();
            } else {
                throw new IllegalArgumentException("'" + req + "' in the agent selector '" + text + "' is not a label "
                        + "requirement (use k=v, k!=v, k in (a,b), k notin (a,b), k or !k, joined by commas)");
            }
        }
        return new Selector(selector.build());
    }

    static Selector of(LabelSelector selector) {
        return new Selector(selector == null ? new LabelSelector() : selector);
    }

    /** No requirement at all: Kubernetes would match everything, which a kill never acts on. */
    boolean isEmpty() {
        return (labelSelector.getMatchLabels() == null || labelSelector.getMatchLabels().isEmpty())
                && (labelSelector.getMatchExpressions() == null || labelSelector.getMatchExpressions().isEmpty());
    }

    /** True when the labels satisfy every requirement. An empty selector matches everything, as in Kubernetes. */
    boolean matches(Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (labelSelector.getMatchLabels() != null) {
            for (Map.Entry<String, String> want : labelSelector.getMatchLabels().entrySet()) {
                if (!want.getValue().equals(have.get(want.getKey()))) return false;
            }
        }
        if (labelSelector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement req : labelSelector.getMatchExpressions()) {
                String value = have.get(req.getKey());
                List<String> values = req.getValues() == null ? List.of() : req.getValues();
                boolean ok = switch (req.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!ok) return false;
            }
        }
        return true;
    }

    private static String key(String key, String text) {
        String k = key.strip();
        if (!KEY.matcher(k).matches() || k.startsWith("!")) {
            throw new IllegalArgumentException("'" + k + "' in the agent selector '" + text + "' is not a label key");
        }
        return k;
    }

    /** Splits at commas outside parentheses. */
    private static List<String> requirements(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
