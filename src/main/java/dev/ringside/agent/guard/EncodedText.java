package dev.ringside.agent.guard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds text hidden one encoding deep: base64 and hex runs, and percent, backslash and HTML
 * escapes. Each decoded text comes back as a {@link Reading} of the original, so whatever a
 * detector finds in it is reported at the encoded span. Only readable results count: a hash, a
 * trace id or a JWT decodes to bytes, not words, and is skipped.
 */
final class EncodedText {

    /** Shorter runs are ordinary words, ids and hashes far more often than payloads. */
    private static final int MIN_RUN = 16;

    /** A decoded text or one encoded run within a text. */
    record Decoded(String encoding, Reading reading) {
    }

    private EncodedText() {
    }

    static List<Decoded> find(String text) {
        List<Decoded> found = new ArrayList<>(0);
        base64Runs(text, found);
        hexRuns(text, found);
        Reading unescaped = unescape(text);
        if (unescaped != null) {
            found.add(new Decoded("escaped", unescaped));
        }
        return found;
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static void base64Runs(String text, List<Decoded> found) {
        int i = 0;
        while (i < text.length()) {
            if (!isBase64Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isBase64Char(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (i < text.length() && text.charAt(i) == '=') {
                i++;
            }
            if (end - start >= MIN_RUN) {
                String run = text.substring(start, end);
                if (run.length() % 4 == 1) {
                    run = run.substring(0, run.length() - 1);
                }
                boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
                if (urlSafe && (run.indexOf('+') >= 0 || run.indexOf('/') >= 0)) {
                    continue; // a path or a mixed token, not one alphabet
                }
                try {
                    byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(run);
                    addIfReadable("base64", bytes, start, i, found);
                } catch (IllegalArgumentException notBase64) {
                    // An ordinary long word; nothing hidden.
                }
            }
        }
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Hex digits, optionally in groups split by one separator each ({@code 69676e-6f7265}, {@code 69 67 6e}). */
    private static void hexRuns(String text, List<Decoded> found) {
        int i = 0;
        while (i < text.length()) {
            if (!isHexDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder digits = new StringBuilder();
            int end = i;
            while (i < text.length()) {
                int groupStart = i;
                while (i < text.length() && isHexDigit(text.charAt(i))) {
                    i++;
                }
                if ((i - groupStart) % 2 != 0) {
                    break;
                }
                digits.append(text, groupStart, i);
                end = i;
                if (i + 1 < text.length() && " -:.,".indexOf(text.charAt(i)) >= 0 && isHexDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (i == start) {
                i++;
            }
            if (digits.length() >= MIN_RUN) {
                addIfReadable("hex", HexFormat.of().parseHex(digits), start, end, found);
            }
        }
    }

    /**
     * Adds the readable stretches of the decoded bytes. An encoded payload often sits next to
     * other characters of the same alphabet ({@code x-69676e...-b2}) that decode to junk; the junk
     * is left out and the text kept.
     */
    private static void addIfReadable(String encoding, byte[] bytes, int start, int end, List<Decoded> found) {
        String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
        int k = 0;
        while (k < text.length()) {
            if (!isReadable(text.charAt(k))) {
                k++;
                continue;
            }
            int from = k;
            while (k < text.length() && isReadable(text.charAt(k))) {
                k++;
            }
            if (isWordy(text, from, k)) {
                Reading.Builder reading = new Reading.Builder(k - from);
                for (int c = from; c < k; c++) {
                    reading.append(text.charAt(c), start, end);
                }
                found.add(new Decoded(encoding, reading.build()));
            }
        }
    }

    private static boolean isReadable(char c) {
        return c != '\uFFFD' && (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t');
    }

    /** Long enough and with enough letters and spaces to be words rather than bytes that happen to print. */
    private static boolean isWordy(String text, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        int wordish = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c) || c == ' ') {
                wordish++;
            }
        }
        return wordish * 10 >= (to - from) * 4;
    }

    /**
     * The text with %HH, \\xHH, \\uHHHH and &#N; / &#xH; escapes decoded, when it holds at least
     * three of them; null otherwise. Multi-byte UTF-8 written as several %HH is decoded whole.
     */
    static Reading unescape(String text) {
        if (countEscapes(text) < 3) {
            return null;
        }
        Reading.Builder out = new Reading.Builder(text.length());
        java.io.ByteArrayOutputStream pendingBytes = new java.io.ByteArrayOutputStream();
        int pendingStart = -1;
        int i = 0;
        while (i < text.length()) {
            int[] escape = escapeAt(text, i);
            if (escape != null && escape[2] == 1) {
                if (pendingStart < 0) {
                    pendingStart = i;
                }
                pendingBytes.write(escape[0]);
                i = escape[1];
                continue;
            }
            pendingStart = flushBytes(pendingBytes, pendingStart, i, out);
            if (escape != null) {
                for (char c : Character.toChars(escape[0])) {
                    out.append(c, i, escape[1]);
                }
                i = escape[1];
            } else {
                out.append(text.charAt(i), i, i + 1);
                i++;
            }
        }
        flushBytes(pendingBytes, pendingStart, text.length(), out);
        return out.build();
    }

    private static int flushBytes(java.io.ByteArrayOutputStream bytes, int start, int end, Reading.Builder out) {
        if (start < 0) {
            return -1;
        }
        String decoded = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        for (int k = 0; k < decoded.length(); k++) {
            out.append(decoded.charAt(k), start, end);
        }
        bytes.reset();
        return -1;
    }

    private static int countEscapes(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < 3; i++) {
            int[] escape = escapeAt(text, i);
            if (escape != null) {
                count++;
                i = escape[1] - 1;
            }
        }
        return count;
    }

    /** {value, end, isByte} of an escape starting at {@code i}, or null. */
    private static int[] escapeAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '%' && hexAt(text, i + 1, 2)) {
            return new int[] {Integer.parseInt(text, i + 1, i + 3, 16), i + 3, 1};
        }
        if (c == '\\' && i + 1 < text.length()) {
            char kind = text.charAt(i + 1);
            if (kind == 'x' && hexAt(text, i + 2, 2)) {
                return new int[] {Integer.parseInt(text, i + 2, i + 4, 16), i + 4, 1};
            }
            if (kind == 'u' && hexAt(text, i + 2, 4)) {
                return new int[] {Integer.parseInt(text, i + 2, i + 6, 16), i + 6, 0};
            }
        }
        if (c == '&' && i + 3 < text.length() && text.charAt(i + 1) == '#') {
            boolean hex = text.charAt(i + 2) == 'x' || text.charAt(i + 2) == 'X';
            int digitsStart = hex ? i + 3 : i + 2;
            int j = digitsStart;
            while (j < text.length() && j - digitsStart < 7
                    && (hex ? isHexDigit(text.charAt(j)) : Character.isDigit(text.charAt(j)))) {
                j++;
            }
            if (j > digitsStart && j < text.length() && text.charAt(j) == ';') {
                int value = Integer.parseInt(text, digitsStart, j, hex ? 16 : 10);
                if (Character.isValidCodePoint(value)) {
                    return new int[] {value, j + 1, 0};
                }
            }
        }
        return null;
    }

    private static boolean hexAt(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!isHexDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
