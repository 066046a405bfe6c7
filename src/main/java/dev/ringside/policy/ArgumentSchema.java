package dev.ringside.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled subset of JSON Schema for tool arguments: type, properties, required,
 * additionalProperties, enum, pattern, minimum/maximum, min/maxLength, items, min/maxItems,
 * maxProperties, description. Any other keyword is rejected when the policy loads, so a schema
 * never silently checks less than its author believes.
 */
public final class ArgumentSchema {
    static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "enum",
            "pattern", "minimum", "maximum", "minLength", "maxLength", "items", "minItems", "maxItems",
            "maxProperties", "description");

    /** Accepts anything; used where a policy declares no schema. */
    public static final ArgumentSchema ANY = new Builder().build();

    private final Set<String> types;
    private final Map<String, ArgumentSchema> properties;
    private final Set<String> required;
    private final boolean additionalAllowed;
    private final ArgumentSchema additionalSchema;
    private final List<String> enumValues;
    private final Pattern pattern;
    private final Double minimum;
    private final Double maximum;
    private final Integer minLength;
    private final Integer maxLength;
    private final ArgumentSchema items;
    private final Integer minItems;
    private final Integer maxItems;
    private final Integer maxProperties;

    private ArgumentSchema(Builder b) {
        types = b.types;
        properties = Map.copyOf(b.properties);
        required = Set.copyOf(b.required);
        additionalAllowed = b.additionalAllowed;
        additionalSchema = b.additionalSchema;
        enumValues = b.enumValues;
        pattern = b.pattern;
        minimum = b.minimum;
        maximum = b.maximum;
        minLength = b.minLength;
        maxLength = b.maxLength;
        items = b.items;
        minItems = b.minItems;
        maxItems = b.maxItems;
        maxProperties = b.maxProperties;
    }

    /** The first violation, as "path: what is wrong", or empty when the value conforms. */
    public Optional<String> violation(JsonNode value) {
        return violation(value, "args");
    }

    private Optional<String> violation(JsonNode value, String path) {
        if (value == null || value.isMissingNode()) value = com.fasterxml.jackson.databind.node.NullNode.getInstance();
        if (types != null && !types.contains(typeOf(value))) {
            return Optional.of(path + ": expected " + String.join(" or ", types.stream().sorted().toList())
                    + ", got " + typeOf(value));
        }
        if (enumValues != null && !(value.isValueNode() && enumValues.contains(value.asText()))) {
            return Optional.of(path + ": must be one of " + enumValues);
        }
        if (value.isTextual()) {
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            if (minLength != null && length < minLength) return Optional.of(path + ": shorter than " + minLength);
            if (maxLength != null && length > maxLength) return Optional.of(path + ": longer than " + maxLength);
            if (pattern != null && !pattern.matcher(text).find()) {
                return Optional.of(path + ": does not match " + pattern.pattern());
            }
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (minimum != null && number < minimum) return Optional.of(path + ": must be at least " + format(minimum));
            if (maximum != null && number > maximum) return Optional.of(path + ": must be at most " + format(maximum));
        }
        if (value.isArray()) {
            if (minItems != null && value.size() < minItems) return Optional.of(path + ": needs at least " + minItems + " items");
            if (maxItems != null && value.size() > maxItems) return Optional.of(path + ": allows at most " + maxItems + " items");
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    Optional<String> v = items.violation(value.get(i), path + "[" + i + "]");
                    if (v.isPresent()) return v;
                }
            }
        }
        if (value.isObject()) return objectViolation(value, path);
        return Optional.empty();
    }

    private Optional<String> objectViolation(JsonNode value, String path) {
        if (maxProperties != null && value.size() > maxProperties) {
            return Optional.of(path + ": allows at most " + maxProperties + " entries");
        }
        for (String name : required) {
            if (!value.has(name) || value.get(name).isNull()) return Optional.of(path + "." + name + ": is required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ArgumentSchema declared = properties.get(field.getKey());
            String childPath = path + "." + field.getKey();
            if (declared != null) {
                Optional<String> v = declared.violation(field.getValue(), childPath);
                if (v.isPresent()) return v;
            } else if (additionalSchema != null) {
                Optional<String> v = additionalSchema.violation(field.getValue(), childPath);
                if (v.isPresent()) return v;
            } else if (!additionalAllowed) {
                return Optional.of(childPath + ": is not an argument of this tool");
            }
        }
        return Optional.empty();
    }

    private static String typeOf(JsonNode value) {
        if (value.isObject()) return "object";
        if (value.isArray()) return "array";
        if (value.isTextual()) return "string";
        if (value.isBoolean()) return "boolean";
        if (value.isNull()) return "null";
        if (value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && !Double.isInfinite(value.doubleValue()))) return "integer";
        if (value.isNumber()) return "number";
        return "unknown";
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Compiles a schema from its YAML; problems are reported with their location. */
    static ArgumentSchema compile(YamlNode node) {
        Builder b = new Builder();
        Map<String, YamlNode> entries = node.entries(KEYWORDS);
        entries.forEach((key, value) -> {
            switch (key) {
                case "type" -> {
                    List<String> names = value.texts();
                    for (String name : names) {
                        if (!Set.of("object", "string", "integer", "number", "boolean", "array", "null").contains(name)) {
                            value.problem("unknown type '" + name + "'; use object, string, integer, number, boolean, array or null");
                        }
                    }
                    b.types = new java.util.TreeSet<>(names);
                    // every integer is also a number
                    if (names.contains("number")) b.types.add("integer");
                }
                case "properties" -> value.entries().forEach((name, schema) -> b.properties.put(name, compile(schema)));
                case "required" -> b.required = Set.copyOf(value.texts());
                case "additionalProperties" -> {
                    if (value.isMap()) b.additionalSchema = compile(value);
                    else value.bool().ifPresent(allowed -> b.additionalAllowed = allowed);
                }
                case "enum" -> b.enumValues = value.texts();
                case "pattern" -> value.text().ifPresent(regex -> {
                    try {
                        b.pattern = Pattern.compile(regex);
                    } catch (java.util.regex.PatternSyntaxException e) {
                        value.problem("not a valid regular expression: " + e.getDescription());
                    }
                });
                case "minimum" -> value.number().ifPresent(n -> b.minimum = n);
                case "maximum" -> value.number().ifPresent(n -> b.maximum = n);
                case "minLength" -> value.integer().ifPresent(n -> b.minLength = n.intValue());
                case "maxLength" -> value.integer().ifPresent(n -> b.maxLength = n.intValue());
                case "items" -> b.items = compile(value);
                case "minItems" -> value.integer().ifPresent(n -> b.minItems = n.intValue());
                case "maxItems" -> value.integer().ifPresent(n -> b.maxItems = n.intValue());
                case "maxProperties" -> value.integer().ifPresent(n -> b.maxProperties = n.intValue());
                case "description" -> value.text();
                default -> { /* reported by entries(KEYWORDS) */ }
            }
        });
        for (String name : b.required) {
            if (!b.properties.isEmpty() && !b.properties.containsKey(name)) {
                node.problem("required argument '" + name + "' is not declared under properties");
            }
        }
        return b.build();
    }

    private static final class Builder {
        Set<String> types;
        final Map<String, ArgumentSchema> properties = new LinkedHashMap<>();
        Set<String> required = Set.of();
        boolean additionalAllowed = true;
        ArgumentSchema additionalSchema;
        List<String> enumValues;
        Pattern pattern;
        Double minimum;
        Double maximum;
        Integer minLength;
        Integer maxLength;
        ArgumentSchema items;
        Integer minItems;
        Integer maxItems;
        Integer maxProperties;

        ArgumentSchema build() {
            return new ArgumentSchema(this);
        }
    }
}
