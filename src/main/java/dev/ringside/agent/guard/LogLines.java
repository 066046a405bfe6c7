package dev.ringside.agent.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log line into {@code ts}, {@code level}, {@code logger} and {@code message} when it has a
 * common shape: a JSON object, klog ({@code E1121 02:58:11.412 12 file.go:42] msg}), an ISO
 * timestamp with a level, or logfmt with {@code level=} and {@code msg=}. Anything else is kept
 * whole as the message. Parsing is a convenience for the model; the raw line is what gets scanned.
 */
final class LogLines {

    /** A line split into fields; absent fields are null. Other JSON fields are kept in {@code extra}. */
    record LogRecord(String ts, String level, String logger, String message, Map<String, JsonNode> extra) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern KLOG = Pattern.compile(
            "^([IWEF])(\\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)\\s+\\d{1,10}\\s+([^\\s\\]]{1,200})\\]\\s?(.*)$", Pattern.DOTALL);
    private static final Pattern ISO = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)\\]?"
                    + "(?:\\s+|\\s*[|-]\\s*)\\[?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|SEVERE|PANIC)\\]?"
                    + "(?:\\s+\\[([^\\]\\s]{1,80})\\])?(?:\\s*[|-])?\\s+(?:([A-Za-z_$][\\w.$-]{0,150})(?:\\s+-\\s+|\\s*:\\s+))?(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LOGFMT_FIELD = Pattern.compile("(\\w{1,40})=(\"(?:[^\"\\\\]|\\\\.){0,4000}\"|\\S{0,4000})");

    private static final Set<String> TS_KEYS = Set.of("ts", "time", "timestamp", "@timestamp", "t");
    private static final Set<String> LEVEL_KEYS = Set.of("level", "lvl", "severity", "loglevel", "log.level");
    private static final Set<String> LOGGER_KEYS = Set.of("logger", "logger_name", "caller", "component", "name", "source");
    private static final Set<String> MESSAGE_KEYS = Set.of("msg", "message", "event", "text");

    private LogLines() {
    }

    static LogRecord parse(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            LogRecord json = json(trimmed);
            if (json != null) {
                return json;
            }
        }
        Matcher klog = KLOG.matcher(trimmed);
        if (klog.matches()) {
            return new LogRecord(klog.group(2), klogLevel(klog.group(1)), klog.group(3), klog.group(4), Map.of());
        }
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            String logger = iso.group(4) != null ? iso.group(4) : iso.group(3);
            return new LogRecord(iso.group(1), iso.group(2).toLowerCase(java.util.Locale.ROOT), logger, iso.group(5), Map.of());
        }
        if (trimmed.contains("level=") && trimmed.contains("msg=")) {
            LogRecord logfmt = logfmt(trimmed);
            if (logfmt != null) {
                return logfmt;
            }
        }
        return new LogRecord(null, null, null, line, Map.of());
    }

    private static String klogLevel(String letter) {
        return switch (letter) {
            case "I" -> "info";
            case "W" -> "warning";
            case "E" -> "error";
            default -> "fatal";
        };
    }

    private static LogRecord json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        String ts = null;
        String level = null;
        String logger = null;
        String message = null;
        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().toLowerCase(java.util.Locale.ROOT);
            JsonNode value = field.getValue();
            String asText = value.isValueNode() ? value.asText() : null;
            if (ts == null && TS_KEYS.contains(key) && asText != null) {
                ts = asText;
            } else if (level == null && LEVEL_KEYS.contains(key) && asText != null) {
                level = asText;
            } else if (logger == null && LOGGER_KEYS.contains(key) && asText != null) {
                logger = asText;
            } else if (message == null && MESSAGE_KEYS.contains(key) && asText != null) {
                message = asText;
            } else {
                extra.put(field.getKey(), value);
            }
        }
        if (message == null && level == null) {
            return null;
        }
        return new LogRecord(ts, level, logger, message, extra);
    }

    private static LogRecord logfmt(String text) {
        String ts = null;
        String level = null;
        String logger = null;
        String message = null;
        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>();
        Matcher field = LOGFMT_FIELD.matcher(text);
        while (field.find()) {
            String key = field.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = field.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
            }
            switch (key) {
                case "ts", "time", "t" -> ts = ts == null ? value : ts;
                case "level", "lvl" -> level = level == null ? value : level;
                case "logger", "caller", "component" -> logger = logger == null ? value : logger;
                case "msg", "message" -> message = message == null ? value : message;
                default -> extra.put(field.group(1), JSON.getNodeFactory().textNode(value));
            }
        }
        if (message == null) {
            return null;
        }
        return new LogRecord(ts, level, logger, message, extra);
    }
}
