package dev.ringside.policy.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Finds base64 words that decode to readable text, as in
 * {@code echo a3ViZWN0bCBk... | base64 -d | sh}, so the decoded command is scanned too.
 * One level only: a payload inside a payload is not unwrapped.
 */
final class EncodedPayloads {

    /** Shorter runs are ordinary words far more often than payloads. */
    static final int MIN_LENGTH = 16;

    private EncodedPayloads() {
    }

    /** The readable texts that base64 words in {@code raw} decode to. */
    static List<String> decode(String raw) {
        String text = withoutInvisibles(raw);
        List<String> decoded = List.of();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isBase64Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isBase64Char(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (i < length && text.charAt(i) == '=') {
                i++;
            }
            if (end - start >= MIN_LENGTH) {
                String payload = readable(text.substring(start, end));
                if (payload != null) {
                    if (decoded.isEmpty()) {
                        decoded = new ArrayList<>(1);
                    }
                    decoded.add(payload);
                }
            }
        }
        return decoded;
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '-' || c == '_';
    }

    /** Decodes an unpadded base64 run; null unless it is printable UTF-8. */
    private static String readable(String run) {
        boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(run);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return text;
    }

    /** {@code base64 -di} skips characters outside the alphabet, so invisible ones must not split a run. */
    private static String withoutInvisibles(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                StringBuilder out = new StringBuilder(raw.length());
                raw.codePoints().filter(cp -> !TextNormalizer.isInvisible(cp)).forEach(out::appendCodePoint);
                return out.toString();
            }
        }
        return raw;
    }
}
