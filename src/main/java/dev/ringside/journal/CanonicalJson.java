package dev.ringside.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One byte-exact JSON spelling per value, so equal values hash equally. Used for audit links and,
 * by the gate, for approval digests over agent, tool and arguments.
 *
 * <p>Follows RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped minimally ({@code "}, {@code \}, control characters; everything else raw UTF-8),
 * floating-point numbers in ECMAScript's shortest form ({@code 3.0} is {@code 3}, {@code 1e21}).
 * Two deliberate differences: integers are written exactly however large (JCS would round them
 * through a double), and a lone surrogate is written as a {@code \}{@code uXXXX} escape instead of
 * being rejected, so any string a model produces still has exactly one spelling.
 */
public final class CanonicalJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * Parses JSON text, refusing duplicate object keys (which would make "the same" document
     * mean different things to different readers).
     */
    public static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical spelling of {@code node}. */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        write(node, out);
        return out.toString();
    }

    /** The canonical spelling of JSON text (parsed strictly first). */
    public static String canonical(String json) {
        return canonical(parse(json));
    }

    /** UTF-8 bytes of the canonical spelling, ready to hash. */
    public static byte[] canonicalBytes(JsonNode node) {
        return canonical(node).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 over the concatenation of {@code parts}. */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = newSha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** SHA-256 of the canonical spelling of {@code node}. */
    public static byte[] sha256(JsonNode node) {
        return sha256(canonicalBytes(node));
    }

    /** Lower-case hex SHA-256 of the canonical spelling of {@code node}, the form digests are shown and stored in. */
    public static String sha256Hex(JsonNode node) {
        return HexFormat.of().formatHex(sha256(node));
    }

    /** A fresh SHA-256 digest; every JDK has it, so its absence is a broken runtime. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Appends {@code s} as a canonical JSON string literal (with quotes). */
    public static void appendString(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendUnicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendUnicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null); // String order is UTF-16 code unit order, as JCS requires
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> appendString(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> appendNumber(node, out);
            case BINARY, POJO, MISSING -> throw new IllegalArgumentException(
                    "cannot write " + node.getNodeType() + " as canonical JSON; only plain JSON values");
        }
    }

    private static void appendNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            appendDecimal(node.decimalValue(), out);
        } else {
            appendDouble(node.doubleValue(), out);
        }
    }

    private static void appendDecimal(BigDecimal value, StringBuilder out) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            out.append(stripped.toBigIntegerExact());
        } else {
            appendDouble(value.doubleValue(), out);
        }
    }

    /** ECMAScript Number::toString over Java's shortest round-trip digits (JDK 19+). */
    static void appendDouble(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no spelling for " + d);
        }
        if (d == 0) {
            out.append('0'); // also -0, as JCS requires
            return;
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (d < 0) {
            out.append('-');
            exact = exact.negate();
        }
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale(); // value = 0.d1d2…dk × 10^n, as in ECMAScript's algorithm
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
        }
    }
}
